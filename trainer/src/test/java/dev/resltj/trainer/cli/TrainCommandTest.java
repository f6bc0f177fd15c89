package dev.resltj.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
  @TempDir Path tmp;

  private String out = "";
  private String err = "";

  @Test
  void helpShowsEveryOptionWithItsDefaultGroupedWithExamples() {
    assertThat(run("train", "--help")).isEqualTo(ExitCodes.OK);
    String help = out.replaceAll("\\s+", " ");
    assertThat(help)
        .contains("Run:", "Method:", "Network:", "Optimisation:", "Data:", "Machine:", "Examples:")
        .contains("--method=METHOD", "(default: reslt-la)")
        .contains("--alpha=A", "(default: 0.5)")
        .contains("--epochs=N", "(default: 20)")
        .contains("--batch-size=N", "(default: 128)")
        .contains("(default: 0.001 for adam, 0.05 for sgd)")
        .contains("--dataset=KIND", "(default: mnist)")
        .contains("--profile=PROFILE", "(default: mnist-lt for mnist, exp:100 for fashion-mnist,")
        .contains("--augment=SPEC", "(default: digits for mnist and fashion-mnist,")
        .contains("--resume=RUN_DIR", "--no-export", "--overwrite")
        .contains("reslt-train train --resume runs/reslt-la-seed1");
  }

  @Test
  void alphaOutsideZeroToOneIsAOneLineUsageError() {
    assertThat(run("train", "--alpha", "1.5")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.strip()).isEqualTo("error: --alpha must be in [0, 1], got 1.5");
  }

  @Test
  void unknownMethodListsTheMethods() {
    assertThat(run("train", "--method", "focal")).isEqualTo(ExitCodes.USAGE);
    assertThat(err)
        .startsWith("error: ")
        .contains("--method")
        .contains("'focal'")
        .contains("reslt-branch-sampling");
  }

  @Test
  void nonNumericEpochsNamesTheOption() {
    assertThat(run("train", "--epochs", "many")).isEqualTo(ExitCodes.USAGE);
    assertThat(err).contains("--epochs").contains("many");
  }

  @Test
  void badAugmentationNamesTheOptionAndTheForms() {
    assertThat(run("train", "--augment", "wobble")).isEqualTo(ExitCodes.USAGE);
    assertThat(err).contains("--augment").contains("shift=PIXELS,rotate=DEGREES");
  }

  @Test
  void branchStyleForABaselineIsRejected() {
    assertThat(run("train", "--method", "ce", "--branch-style", "paper"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err).contains("--branch-style").contains("single classifier");
  }

  @Test
  void paperStyleOnTheReferenceNetworkIsRejected() {
    assertThat(run("train", "--network", "reference", "--branch-style", "paper"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err).contains("--network").contains("separate");
  }

  @Test
  void existingRunFolderNeedsOverwriteOrResume() throws Exception {
    Files.createDirectories(tmp.resolve("runs/mine"));
    assertThat(run("train", "--name", "mine", "--runs-dir", tmp.resolve("runs").toString()))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err).contains("already exists").contains("--overwrite").contains("--resume");
    assertThat(err.lines()).hasSize(1);
  }

  @Test
  void overwriteRefusesAFolderThatIsNotARun() throws Exception {
    Files.createDirectories(tmp.resolve("runs/mine"));
    Files.writeString(tmp.resolve("runs/mine/notes.txt"), "keep me");
    assertThat(
            run(
                "train",
                "--name",
                "mine",
                "--overwrite",
                "--runs-dir",
                tmp.resolve("runs").toString()))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err).contains("refuses to delete");
    assertThat(tmp.resolve("runs/mine/notes.txt")).exists();
  }

  @Test
  void resumeOfAFolderWithoutRunJsonIsAUsageError() {
    assertThat(run("train", "--resume", tmp.toString())).isEqualTo(ExitCodes.USAGE);
    assertThat(err).contains("not a run folder");
  }

  @Test
  void gpuWithoutAGpuFailsClearly() {
    assertThat(run("train", "--device", "gpu", "--runs-dir", tmp.toString()))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err).contains("--device gpu").contains("--device cpu");
  }

  @Test
  void evaluateWithoutACheckpointFolderIsAUsageError() {
    assertThat(run("evaluate", "--checkpoint", tmp.resolve("nothing").toString()))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err).contains("--checkpoint").contains("run folder");
  }

  @Test
  void evaluateRequiresCheckpoint() {
    assertThat(run("evaluate")).isEqualTo(ExitCodes.USAGE);
    assertThat(err).contains("--checkpoint");
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
