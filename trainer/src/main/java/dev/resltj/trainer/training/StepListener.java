package dev.resltj.trainer.training;

/** Told after each step, for progress display. */
@FunctionalInterface
public interface StepListener {
  /**
   * @param step 1-based step within the epoch
   * @param steps steps in the epoch
   * @param meanLoss mean loss so far this epoch
   * @param accuracy training accuracy so far this epoch
   * @param imagesPerSecond throughput so far this epoch
   */
  void afterStep(int step, int steps, double meanLoss, double accuracy, double imagesPerSecond);

  StepListener NONE = (step, steps, loss, accuracy, speed) -> {};
}
