package dev.resltj.trainer.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.resltj.trainer.evaluation.EpochRecord;
import dev.resltj.trainer.evaluation.TrainingHistory;
import dev.resltj.trainer.loss.MethodLoss;
import dev.resltj.trainer.model.ModelCheckpoint;
import dev.resltj.trainer.model.NetworkBlock;
import dev.resltj.trainer.storage.RunFolderLayout;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The epochs of a run: train, score the validation set, keep the best epoch's weights in {@code
 * best/} and every epoch's state in {@code checkpoint/}. The test set is not looked at here.
 */
final class EpochStage {
  /** What the epochs produced. */
  record Result(TrainingHistory history, int bestEpoch, boolean stopped) {}

  private final RunConfig config;
  private final RunData data;
  private final Path runDir;
  private final PrintStream out;
  private final ProgressBar bar;

  EpochStage(RunConfig config, RunData data, Path runDir, PrintStream out, ProgressBar bar) {
    this.config = config;
    this.data = data;
    this.runDir = runDir;
    this.out = out;
    this.bar = bar;
  }

  /**
   * Trains the epochs after {@code resumed}'s (all of them for a new run).
   *
   * @throws IllegalStateException when the loss stops being finite
   */
  Result run(
      NetworkBlock block,
      NDManager manager,
      ParameterUpdater updater,
      TrainingHistory resumed,
      GracefulStop stop)
      throws IOException {
    MethodLoss loss = config.method().newLoss(config.alpha(), data.groups());
    try (SampledBatches batches =
        SampledBatches.forMethod(
            config.method(),
            data.train(),
            data.groups(),
            config.training().batchSize(),
            config.training().augmentation(),
            config.seed())) {
      return run(block, manager, updater, resumed, stop, loss, batches);
    }
  }

  private Result run(
      NetworkBlock block,
      NDManager manager,
      ParameterUpdater updater,
      TrainingHistory resumed,
      GracefulStop stop,
      MethodLoss loss,
      SampledBatches batches)
      throws IOException {
    int steps = batches.stepsPerEpoch();
    int epochs = config.training().epochs();
    LearningRateSchedule schedule = config.training().schedule().perStep(epochs, steps);
    TrainingLoop loop =
        new TrainingLoop(block, manager, block.spec().input(), loss, updater, schedule, batches);
    Path checkpointDir = runDir.resolve(RunFolderLayout.CHECKPOINT_DIR);
    Path bestDir = runDir.resolve(RunFolderLayout.BEST_DIR);
    TrainingHistory history = resumed;
    for (int epoch = history.epochs().size() + 1; epoch <= epochs; epoch++) {
      // dropout draws from the engine: seeding each epoch makes a resumed epoch the same as
      // an uninterrupted one
      Engine.getInstance().setRandomSeed(epochSeed(config.seed(), epoch));
      long start = System.nanoTime();
      bar.startEpoch(epoch, epochs);
      EpochStats stats = loop.runEpoch(epoch, steps, bar, stop);
      bar.endEpoch();
      if (!stats.complete()) {
        return new Result(history, bestEpoch(history), true);
      }
      if (Double.isNaN(stats.meanLoss())) {
        throw new IllegalStateException(
            "training diverged in epoch "
                + epoch
                + ": the loss is not finite; lower --lr (now "
                + config.training().schedule().learningRate()
                + ") or raise --warmup-epochs");
      }
      PredictedClasses validation =
          Inference.predict(block, manager, block.spec().input(), data.validation());
      EpochRecord record =
          new EpochRecord(
              epoch,
              stats.meanLoss(),
              stats.accuracy(),
              validation.accuracy(data.validation().labels()),
              loop.lastLearningRate(),
              stats.imagesPerSecond(),
              (System.nanoTime() - start) / 1e9);
      history = history.plus(record);
      TrainingState state =
          new TrainingState(
              TrainingState.FORMAT,
              epoch,
              config.seed(),
              history.epochs(),
              data.groups().classCounts(),
              data.groups().thresholds(),
              config.labels());
      boolean best = bestEpoch(history) == epoch;
      // best/ first: a crash between the two writes replays this epoch, which rewrites best/
      if (best) {
        ModelCheckpoint.save(bestDir, block.spec(), block, Map.of(TrainingState.FILE, state));
      }
      ModelCheckpoint.save(
          checkpointDir,
          block.spec(),
          block,
          Map.of(TrainingState.FILE, state, RunFolderLayout.OPTIMIZER_FILE, updater.snapshot()));
      out.println(summary(record, epochs, best));
    }
    return new Result(history, bestEpoch(history), false);
  }

  /**
   * The epoch with the best validation top-1, the later one on a tie (more training at the same
   * score); 0 before any epoch.
   */
  static int bestEpoch(TrainingHistory history) {
    int best = 0;
    double bestAccuracy = Double.NEGATIVE_INFINITY;
    for (EpochRecord r : history.epochs()) {
      if (r.hasValidationAccuracy() && r.validationAccuracy() >= bestAccuracy) {
        best = r.epoch();
        bestAccuracy = r.validationAccuracy();
      }
    }
    return best;
  }

  static int epochSeed(long seed, int epoch) {
    return (int) (seed * 1_000_003L + epoch);
  }

  static String summary(EpochRecord r, int epochs, boolean best) {
    return String.format(
        Locale.ROOT,
        "epoch %"
            + Integer.toString(epochs).length()
            + "d/%d  loss %.4f  train %.2f%%  val %.2f%%%s  lr %.2e  %,.0f img/s  %.1f s",
        r.epoch(),
        epochs,
        r.trainLoss(),
        100 * r.trainAccuracy(),
        100 * r.validationAccuracy(),
        best ? " (best)" : "",
        r.learningRate(),
        r.imagesPerSecond(),
        r.seconds());
  }
}
