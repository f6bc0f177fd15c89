package dev.resltj.trainer.training;

/**
 * What one training epoch measured on its own batches.
 *
 * @param meanLoss mean of the step losses (NaN once a step diverged)
 * @param accuracy fraction of training-distribution images the fused prediction got right
 * @param images images fed through the network (all stacked batches)
 * @param seconds wall time of the training steps (no evaluation)
 * @param complete false when a stop was requested before the epoch's last step
 */
public record EpochStats(
    int epoch, double meanLoss, double accuracy, long images, double seconds, boolean complete) {
  public EpochStats {
    if (epoch < 1 || images < 0 || seconds < 0) {
      throw new IllegalArgumentException(
          "invalid epoch stats: epoch " + epoch + ", images " + images + ", seconds " + seconds);
    }
  }

  /** An epoch cut short by a stop request; its steps are discarded on resume. */
  static EpochStats stopped(int epoch, long images, double seconds) {
    return new EpochStats(epoch, Double.NaN, Double.NaN, images, seconds, false);
  }

  public double imagesPerSecond() {
    return seconds > 0 ? images / seconds : 0;
  }
}
