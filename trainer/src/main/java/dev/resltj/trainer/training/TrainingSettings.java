package dev.resltj.trainer.training;

import dev.resltj.trainer.data.Augmentation;

/**
 * How the network is optimised: optimiser, learning-rate schedule, batch, epochs and augmentation.
 *
 * @param batchSize images per step (per branch for {@code reslt-branch-sampling})
 * @param augmentation the augmentation, or {@code null} until the run starts for the data's default
 *     (a run folder's {@code run.json} always names it)
 */
public record TrainingSettings(
    OptimizerSettings optimizer,
    ScheduleSettings schedule,
    int batchSize,
    int epochs,
    Augmentation augmentation) {

  public TrainingSettings {
    if (optimizer == null || schedule == null) {
      throw new IllegalArgumentException("optimizer and schedule are required");
    }
    if (batchSize < 1 || batchSize > 65536) {
      throw new IllegalArgumentException("batch size must be in 1..65536, got " + batchSize);
    }
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
    }
    if (schedule.warmupEpochs() > epochs) {
      throw new IllegalArgumentException(
          "warm-up ("
              + schedule.warmupEpochs()
              + " epochs) is longer than the run ("
              + epochs
              + ")");
    }
  }
}
