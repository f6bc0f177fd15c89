package dev.resltj.spark.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.resltj.runtime.ResltClassifier;
import dev.resltj.runtime.fixtures.MnistDigits;
import dev.resltj.spark.SparkTestSession;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged job, run as users run it on one machine: {@code java -jar reslt-spark.jar}. */
class ScoreImagesIT {
  record Run(int exit, String out, String err) {}

  @TempDir static Path dir;
  static Path images;

  static Path jar() {
    return Path.of(System.getProperty("reslt.spark.jar", "target/reslt-spark.jar"));
  }

  @BeforeAll
  static void writeImages() throws IOException {
    images = Files.createDirectories(dir.resolve("images"));
    for (MnistDigits.Digit digit : MnistDigits.all()) {
      Files.write(images.resolve(digit.resource()), digit.png());
    }
    Files.write(images.resolve("corrupt.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0});
    Files.writeString(images.resolve("notes.txt"), "not matched by *.png");
  }

  @BeforeEach
  void requireJarAndModel() {
    assumeTrue(Files.exists(jar()), "no packaged jar at " + jar());
    assumeTrue(
        Files.exists(SparkTestSession.defaultModel()),
        "default model missing: " + SparkTestSession.defaultModel());
  }

  static Run scoreImages(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-jar");
    command.add(jar().toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    // a guard against a hung job, not a speed limit: on a 2-core machine shared with training runs
    // one run took 3.5 minutes
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("score-images did not finish in 10 minutes: " + command);
    }
    return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  static void assertNoStackTrace(Run run) {
    assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception in thread");
  }

  @Test
  void scoresAFolderToCsvAndCountsTheBadFile() throws IOException, InterruptedException {
    Path output = dir.resolve("scored-csv");
    Run run =
        scoreImages(
            "--model",
            SparkTestSession.defaultModel().toString(),
            "--input",
            images + "/*.png",
            "--output",
            output.toString(),
            "--format",
            "csv",
            "--master",
            "local[2]",
            "--batch-size",
            "8");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("scored 21 images (20 predicted, 1 errors)");
    assertThat(run.out()).contains("corrupt.png");
    Map<String, String> labels = new HashMap<>();
    List<String> headers = new ArrayList<>();
    try (var parts = Files.list(output)) {
      for (Path part : parts.filter(p -> p.toString().endsWith(".csv")).toList()) {
        List<String> lines = Files.readAllLines(part);
        headers.add(lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
          String[] fields = line.split(",", 3);
          labels.put(Path.of(URI.create(fields[0])).getFileName().toString(), fields[1]);
        }
      }
    }
    assertThat(headers).containsOnly("path,label,index,probability,group,top_k,error");
    assertThat(labels).hasSize(21).containsEntry("corrupt.png", "");
    try (ResltClassifier classifier = ResltClassifier.open(SparkTestSession.defaultModel())) {
      for (MnistDigits.Digit digit : MnistDigits.all()) {
        assertThat(labels.get(digit.resource()))
            .isEqualTo(classifier.classify(digit.png()).label());
      }
    }
  }

  @Test
  void aMissingModelExitsWithTwoAndOneLine() throws IOException, InterruptedException {
    Run run =
        scoreImages(
            "--model",
            "no-such-model.onnx",
            "--input",
            images + "/*.png",
            "--output",
            dir.resolve("never").toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().strip())
        .startsWith("error: model file no-such-model.onnx not found")
        .doesNotContain("\n");
    assertThat(dir.resolve("never")).doesNotExist();
  }

  @Test
  void aFileThatIsNotAModelExitsWithTwoAndSaysSo() throws IOException, InterruptedException {
    Path notAModel = Files.writeString(dir.resolve("model.onnx"), "not an onnx file");
    Run run =
        scoreImages(
            "--model", notAModel.toString(),
            "--input", images + "/*.png",
            "--output", dir.resolve("never").toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("error: ").contains("model.onnx");
    assertNoStackTrace(run);
  }

  @Test
  void anUnknownFormatIsAUsageError() throws IOException, InterruptedException {
    Run run =
        scoreImages(
            "--model",
            SparkTestSession.defaultModel().toString(),
            "--input",
            images + "/*.png",
            "--output",
            dir.resolve("never").toString(),
            "--format",
            "xml");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--format").contains("parquet, csv, json");
  }

  @Test
  void anExistingOutputIsRefused() throws IOException, InterruptedException {
    Path existing = Files.createDirectories(dir.resolve("existing"));
    Run run =
        scoreImages(
            "--model", SparkTestSession.defaultModel().toString(),
            "--input", images + "/*.png",
            "--output", existing.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--output " + existing + " already exists");
    assertNoStackTrace(run);
  }

  @Test
  void anInputThatMatchesNothingIsAUsageError() throws IOException, InterruptedException {
    Run run =
        scoreImages(
            "--model", SparkTestSession.defaultModel().toString(),
            "--input", dir.resolve("nowhere") + "/*.png",
            "--output", dir.resolve("never").toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo("error: --input " + dir.resolve("nowhere") + "/*.png matches no files");
    assertNoStackTrace(run);
  }
}
