package dev.resltj.trainer.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDManager;
import dev.resltj.trainer.cli.CliRunner;
import dev.resltj.trainer.cli.ExitCodes;
import dev.resltj.trainer.cli.ResltTrainCommand;
import dev.resltj.trainer.data.MnistFiles;
import dev.resltj.trainer.evaluation.EpochRecord;
import dev.resltj.trainer.evaluation.EvaluationReport;
import dev.resltj.trainer.model.ModelCheckpoint;
import dev.resltj.trainer.storage.JsonFiles;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Short real runs on MNIST-LT (the reference network, a constant learning rate so a run's first
 * epoch does not depend on its length): the loss falls and the test accuracy beats chance; the same
 * seed gives the same split and first-epoch loss; a killed run leaves a usable checkpoint and
 * resumes from it.
 */
class TrainingRunIT {
  private static Path mnist;

  @TempDir static Path runs;

  @BeforeAll
  static void needsMnist() {
    String dir = System.getProperty("reslt.mnist.dir");
    assumeTrue(dir != null && MnistFiles.present(Path.of(dir)), "real MNIST not found at " + dir);
    mnist = Path.of(dir);
  }

  /** Half of MNIST-LT's counts, for the tests that check the machinery rather than learning. */
  private static final String HALF_MNIST_LT = "counts:21,62,93,14,300,150,2959,1349,594,33";

  private static List<String> args(String name, int epochs, String... extra) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "train",
                "--name",
                name,
                "--runs-dir",
                runs.toString(),
                "--data-dir",
                mnist.toString(),
                "--network",
                "reference",
                "--method",
                "reslt",
                "--epochs",
                Integer.toString(epochs),
                "--schedule",
                "constant",
                "--warmup-epochs",
                "0",
                "--lr",
                "0.005",
                "--seed",
                "7",
                "--quiet"));
    a.addAll(List.of(extra));
    return a;
  }

  private static TrainingState state(String name) throws Exception {
    return JsonFiles.read(
        runs.resolve(name).resolve("checkpoint").resolve(TrainingState.FILE), TrainingState.class);
  }

  @Test
  void lossFallsAndTestAccuracyBeatsChance() throws Exception {
    int code = CliRunner.run(new ResltTrainCommand(), args("brief", 2).toArray(String[]::new));

    assertThat(code).isEqualTo(ExitCodes.OK);
    List<EpochRecord> history = state("brief").history();
    assertThat(history).hasSize(2);
    assertThat(history.get(1).trainLoss()).isLessThan(history.get(0).trainLoss());
    EvaluationReport report = EvaluationReport.read(runs.resolve("brief/report.json"));
    assertThat(report.images()).isEqualTo(10_000);
    assertThat(report.top1()).isGreaterThan(0.3);
    for (String file :
        List.of(
            "run.json",
            "split.json",
            "provenance.json",
            "report.md",
            "model.onnx",
            "plots/confusion-matrix.png")) {
      assertThat(runs.resolve("brief").resolve(file)).isNotEmptyFile();
    }
  }

  @Test
  void sameSeedGivesTheSameSplitAndFirstEpochLoss() throws Exception {
    String[] first =
        args("seed-a", 1, "--no-export", "--profile", HALF_MNIST_LT).toArray(String[]::new);
    String[] second =
        args("seed-b", 1, "--no-export", "--profile", HALF_MNIST_LT).toArray(String[]::new);
    assertThat(CliRunner.run(new ResltTrainCommand(), first)).isEqualTo(ExitCodes.OK);
    assertThat(CliRunner.run(new ResltTrainCommand(), second)).isEqualTo(ExitCodes.OK);

    assertThat(Files.readString(runs.resolve("seed-b/split.json")))
        .isEqualTo(Files.readString(runs.resolve("seed-a/split.json")));
    assertThat(state("seed-b").history().get(0).trainLoss())
        .isEqualTo(state("seed-a").history().get(0).trainLoss());
  }

  @Test
  void killedRunLeavesAUsableCheckpointAndResumes() throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ResltTrainCommand.class.getName());
    command.addAll(args("killed", 2, "--no-export", "--profile", HALF_MNIST_LT));
    File log = runs.resolve("killed.log").toFile();
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    Path stateFile = runs.resolve("killed/checkpoint").resolve(TrainingState.FILE);
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
      while (!Files.exists(stateFile) && process.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(stateFile).as("a first checkpoint").exists();
    } finally {
      process.destroy(); // SIGTERM: the JVM runs its shutdown hooks, as on Ctrl-C
      process.waitFor(60, TimeUnit.SECONDS);
    }
    assertThat(Files.readString(log.toPath())).contains("interrupted:").contains("--resume");
    TrainingState saved = state("killed");
    assertThat(saved.epochsCompleted()).isBetween(1, 2);
    try (NDManager manager = NDManager.newBaseManager()) {
      assertThat(ModelCheckpoint.load(runs.resolve("killed/checkpoint"), manager)).isNotNull();
    }

    int code =
        CliRunner.run(
            new ResltTrainCommand(),
            "train",
            "--resume",
            runs.resolve("killed").toString(),
            "--quiet",
            "--no-export");

    assertThat(code).isEqualTo(ExitCodes.OK);
    List<EpochRecord> history = state("killed").history();
    assertThat(history).extracting(EpochRecord::epoch).containsExactly(1, 2);
    assertThat(history.subList(0, saved.epochsCompleted())).isEqualTo(saved.history());
    assertThat(runs.resolve("killed/report.json")).isNotEmptyFile();
  }
}
