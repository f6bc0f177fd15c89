package dev.resltj.trainer.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.resltj.trainer.cli.CliRunner;
import dev.resltj.trainer.cli.ExitCodes;
import dev.resltj.trainer.cli.ResltTrainCommand;
import dev.resltj.trainer.data.MnistFiles;
import dev.resltj.trainer.evaluation.EpochRecord;
import dev.resltj.trainer.evaluation.EvaluationReport;
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
 * seed gives the same split and first-epoch loss, also when the JVM collects garbage all the time;
 * a run stopped by SIGTERM exits cleanly and resumes to the losses of an uninterrupted run.
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

  /** A quarter: enough steps for collections to land between forward and backward many times. */
  private static final String QUARTER_MNIST_LT = "counts:10,31,46,7,150,75,1479,674,297,16";

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

  /** A trainer in a JVM of its own, started in {@code runs} so a crash log would land there. */
  private static Process child(List<String> jvmOptions, List<String> arguments, File log)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:ErrorFile=" + runs.resolve("hs_err_pid%p.log"));
    command.addAll(jvmOptions);
    command.add("-Dai.djl.pytorch.num_threads=2");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ResltTrainCommand.class.getName());
    command.addAll(arguments);
    return new ProcessBuilder(command)
        .directory(runs.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log)
        .start();
  }

  private static int finish(Process process) throws Exception {
    assertThat(process.waitFor(240, TimeUnit.SECONDS)).as("the trainer ends").isTrue();
    return process.exitValue();
  }

  private static List<Double> losses(String name) throws Exception {
    return state(name).history().stream().map(EpochRecord::trainLoss).toList();
  }

  private static void assertNoCrashLog() throws Exception {
    try (var files = Files.list(runs)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .noneMatch(f -> f.startsWith("hs_err_pid"));
    }
  }

  @Test
  void runsUnderConstantGarbageCollectionFollowTheirSeed() throws Exception {
    // a young generation of 1 MB collects every few steps: a native array whose Java buffer is
    // collected while libtorch still reads it changes the losses
    List<String> heavyGc = List.of("-XX:+UseSerialGC", "-Xmn1m");
    // one after the other: runs side by side on two cores would only measure oversubscription
    for (String name : List.of("gc-a", "gc-b", "gc-none")) {
      Process p =
          child(
              name.equals("gc-none") ? List.of() : heavyGc,
              args(name, 2, "--no-export", "--profile", QUARTER_MNIST_LT),
              runs.resolve(name + ".log").toFile());
      assertThat(finish(p)).as(name).isEqualTo(ExitCodes.OK);
    }

    assertThat(losses("gc-a")).hasSize(2).isEqualTo(losses("gc-none"));
    assertThat(losses("gc-b")).isEqualTo(losses("gc-none"));
  }

  @Test
  void stoppedRunExitsCleanlyAndResumesToTheSameLosses() throws Exception {
    List<String> training = args("stopped", 4, "--no-export", "--profile", HALF_MNIST_LT);
    File log = runs.resolve("stopped.log").toFile();
    Process process = child(List.of(), training, log);
    Path stateFile = runs.resolve("stopped/checkpoint").resolve(TrainingState.FILE);
    int code;
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
      while (!Files.exists(stateFile) && process.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(stateFile).as("a first checkpoint").exists();
    } finally {
      process.destroy(); // SIGTERM: as a scheduler or `kill` stops a job
      code = finish(process);
    }
    assertThat(code).as("exit status of a run stopped by SIGTERM").isEqualTo(143);
    assertThat(Files.readString(log.toPath()))
        .contains("stopped after epoch")
        .contains("--resume " + runs.resolve("stopped"));
    assertNoCrashLog();
    TrainingState saved = state("stopped");
    assertThat(saved.epochsCompleted()).isBetween(1, 3);

    Process resume =
        child(
            List.of(),
            List.of("train", "--resume", runs.resolve("stopped").toString(), "--quiet"),
            runs.resolve("resumed.log").toFile());
    int resumed = finish(resume);
    Process whole =
        child(
            List.of(),
            args("whole", 4, "--no-export", "--profile", HALF_MNIST_LT),
            runs.resolve("whole.log").toFile());
    assertThat(finish(whole)).isEqualTo(ExitCodes.OK);

    assertThat(resumed).isEqualTo(ExitCodes.OK);
    List<EpochRecord> history = state("stopped").history();
    assertThat(history).extracting(EpochRecord::epoch).containsExactly(1, 2, 3, 4);
    assertThat(history.subList(0, saved.epochsCompleted())).isEqualTo(saved.history());
    assertThat(losses("stopped")).isEqualTo(losses("whole"));
    assertThat(runs.resolve("stopped/report.json")).isNotEmptyFile();
    assertThat(runs.resolve("stopped/model.onnx")).isNotEmptyFile();
  }
}
