package dev.resltj.trainer.cli;

import dev.resltj.trainer.evaluation.EvaluationReport;
import dev.resltj.trainer.training.CheckpointEvaluation;
import dev.resltj.trainer.training.InvalidRunException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code reslt-train evaluate}: re-scores a saved model and rewrites its run's report. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Re-evaluates a saved model on the test set of the data it was trained on (the one its"
            + " run.json names; MNIST's for a checkpoint outside a run folder) and rewrites"
            + " report.json, report.md and plots/ in its run folder.",
    footerHeading = "%nExample:%n",
    footer = "  reslt-train evaluate --checkpoint runs/reslt-la-seed1")
public final class EvaluateCommand implements Callable<Integer> {

  @Option(
      names = "--checkpoint",
      required = true,
      paramLabel = "DIR",
      description =
          "A run folder (runs/NAME: its best/ epoch, chosen on validation) or any checkpoint folder.")
  Path checkpoint;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "The data folder, when it moved since training (default: the one the run's run.json"
              + " names; data/mnist for a checkpoint outside a run folder).")
  Path dataDir;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Intra-op threads (default: the number of CPUs).")
  Integer threads;

  @Mixin VerboseOption verbose;

  @Override
  public Integer call() throws IOException {
    if (threads != null) {
      if (threads < 1) {
        throw new UsageException("--threads must be >= 1, got " + threads);
      }
      System.setProperty("ai.djl.pytorch.num_threads", threads.toString());
    }
    try {
      EvaluationReport r =
          CheckpointEvaluation.rerun(checkpoint, java.util.Optional.ofNullable(dataDir));
      System.out.printf(
          Locale.ROOT,
          "test top-1 %.2f%%, balanced %.2f%%; report rewritten beside %s%n",
          100 * r.top1(),
          100 * r.balanced(),
          checkpoint);
    } catch (InvalidRunException e) {
      throw new UsageException(e.getMessage());
    }
    return ExitCodes.OK;
  }
}
