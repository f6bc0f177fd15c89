package dev.resltj.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.resltj.trainer.model.ModelCheckpoint;
import dev.resltj.trainer.model.NetworkBlock;
import dev.resltj.trainer.model.NetworkPresets;
import dev.resltj.trainer.model.NetworkSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
  @TempDir Path dir;
  Path run;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeEach
  void runFolder() throws IOException {
    run = dir.resolve("runs/demo");
    Files.createDirectories(run);
    Files.writeString(run.resolve("run.json"), "{\"method\": \"reslt\", \"alpha\": 0.5}");
    Files.writeString(
        run.resolve("split.json"),
        "{\"profile\": \"mnist-lt\", \"seed\": 1, \"classCounts\": [42, 125, 187, 28, 601, 300,"
            + " 5918, 2698, 1188, 67], \"thresholds\": {\"tailMax\": 100, \"mediumMax\": 1000}}");
    NetworkSpec spec = NetworkPresets.reference();
    try (NDManager manager = NDManager.newBaseManager()) {
      ModelCheckpoint.save(
          run.resolve("checkpoint"), spec, NetworkBlock.initialized(spec, manager));
    }
  }

  @Test
  void exportsARunFolderAndReportsTheFile() {
    Path onnx = dir.resolve("model.onnx");

    int code = export("--checkpoint", run.toString(), "--out", onnx.toString());

    assertThat(code).isEqualTo(ExitCodes.OK);
    assertThat(onnx).isRegularFile();
    assertThat(out.toString()).startsWith("wrote " + onnx).contains("bytes, sha256 ");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void truncatedCheckpointIsOneLineAndExitCode1() throws IOException {
    Path parameters = run.resolve("checkpoint/parameters.bin");
    byte[] bytes = Files.readAllBytes(parameters);
    Files.write(parameters, Arrays.copyOf(bytes, bytes.length / 3));

    int code = export("--checkpoint", run.toString(), "--out", dir.resolve("m.onnx").toString());

    assertThat(code).isEqualTo(ExitCodes.FAILURE);
    assertThat(err.toString().lines())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith("error: ")
                    .contains("parameters.bin")
                    .contains("truncated"));
    assertThat(dir.resolve("m.onnx")).doesNotExist();
  }

  @Test
  void corruptNetworkFileIsOneLineAndExitCode1() throws IOException {
    Files.writeString(run.resolve("checkpoint/network.json"), "{\"trunk\": [");

    int code = export("--checkpoint", run.toString(), "--out", dir.resolve("m.onnx").toString());

    assertThat(code).isEqualTo(ExitCodes.FAILURE);
    assertThat(err.toString().lines())
        .singleElement()
        .satisfies(line -> assertThat(line).contains("network.json"));
  }

  @Test
  void missingCheckpointOptionIsAUsageError() {
    int code = export("--out", dir.resolve("m.onnx").toString());

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--checkpoint");
  }

  @Test
  void checkpointThatDoesNotExistIsAUsageError() {
    int code =
        export(
            "--checkpoint",
            dir.resolve("nope").toString(),
            "--out",
            dir.resolve("m.onnx").toString());

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("nope").contains("does not exist");
  }

  @Test
  void outputThatIsNotAnOnnxFileIsAUsageError() {
    assertThat(export("--checkpoint", run.toString(), "--out", dir.toString()))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(export("--checkpoint", run.toString(), "--out", dir.resolve("m.txt").toString()))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("is a folder").contains("must end with .onnx");
  }

  @Test
  void helpExplainsEveryOption() {
    int code = export("--help");

    assertThat(code).isEqualTo(ExitCodes.OK);
    assertThat(out.toString())
        .contains(
            "--checkpoint=DIR",
            "run folder",
            "--out=FILE.onnx",
            "atomically",
            "--verbose",
            "opset 17");
  }

  private int export(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "export";
    System.arraycopy(args, 0, all, 1, args.length);
    return CliRunner.run(
        new ResltTrainCommand(), new PrintWriter(out, true), new PrintWriter(err, true), all);
  }
}
