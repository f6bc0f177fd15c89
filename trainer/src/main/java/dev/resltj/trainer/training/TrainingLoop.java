package dev.resltj.trainer.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.resltj.trainer.loss.MethodLoss;
import dev.resltj.trainer.model.InputSpec;

/**
 * The step loop. Each step's arrays (inputs, activations, loss, autograd temporaries) live in a
 * sub-manager closed when the step ends, so nothing accumulates; inputs are wrapped from reused
 * direct buffers; the optimiser update runs outside autograd. A loop attached to the model's own
 * manager instead grows native memory every step and runs at half the speed.
 */
public final class TrainingLoop {
  private final Block block;
  private final NDManager manager;
  private final ParameterStore parameterStore;
  private final MethodLoss loss;
  private final ParameterUpdater updater;
  private final LearningRateSchedule schedule;
  private final BatchSource batches;
  private final HostBatch host;
  private final Engine engine;

  public TrainingLoop(
      Block block,
      NDManager manager,
      InputSpec input,
      MethodLoss loss,
      ParameterUpdater updater,
      LearningRateSchedule schedule,
      BatchSource batches) {
    if (batches.imageSize() != input.channels() * input.height() * input.width()) {
      throw new IllegalArgumentException(
          "batches have "
              + batches.imageSize()
              + " values per image, the network expects "
              + input.channels()
              + "x"
              + input.height()
              + "x"
              + input.width());
    }
    this.block = block;
    this.manager = manager;
    this.parameterStore = new ParameterStore(manager, false);
    this.loss = loss;
    this.updater = updater;
    this.schedule = schedule;
    this.batches = batches;
    this.host =
        new HostBatch(batches.imagesPerStep(), input.channels(), input.height(), input.width());
    this.engine = manager.getEngine();
  }

  /** The rate the last step used (the first step's before any). */
  public double lastLearningRate() {
    return schedule.at(Math.max(0, updater.stepCount() - 1));
  }

  /**
   * Trains one epoch of {@code steps} steps. Stops early, with NaN loss, when a step's loss is not
   * finite: the caller decides what a diverged run means. Stops early, incomplete, when {@code
   * stop} is requested: between two steps, never inside one.
   */
  public EpochStats runEpoch(int epoch, int steps, StepListener listener, GracefulStop stop) {
    return runEpoch(epoch, steps, listener, stop, StepPhases.NONE);
  }

  /** As {@link #runEpoch(int, int, StepListener, GracefulStop)}, timing each part of every step. */
  public EpochStats runEpoch(
      int epoch, int steps, StepListener listener, GracefulStop stop, StepPhases phases) {
    batches.startEpoch(epoch);
    int rows = batches.imagesPerStep();
    int accuracyRows = loss.distributionRows(rows);
    double lossSum = 0;
    long correct = 0;
    long counted = 0;
    long images = 0;
    long start = System.nanoTime();
    for (int step = 1; step <= steps; step++) {
      if (stop.requested()) {
        return EpochStats.stopped(epoch, images, seconds(start));
      }
      long t = System.nanoTime();
      batches.next(host.pixels, host.labels);
      host.load(rows);
      float stepLoss;
      NDManager stepManager = manager.newSubManager();
      try {
        NDArray x = host.images(stepManager, rows);
        NDArray y = host.labels(stepManager, rows);
        t = lap(phases, StepPhases.Phase.BATCH, t);
        NDArray objective;
        NDList outputs;
        try (GradientCollector collector = engine.newGradientCollector()) {
          outputs = block.forward(parameterStore, new NDList(x), true);
          t = lap(phases, StepPhases.Phase.FORWARD, t);
          objective = loss.compute(outputs, y);
          t = lap(phases, StepPhases.Phase.LOSS, t);
          collector.backward(objective);
        }
        t = lap(phases, StepPhases.Phase.BACKWARD, t);
        stepLoss = objective.getFloat();
        NDArray fused = outputs.get(0);
        NDArray predicted =
            accuracyRows == rows ? fused.argMax(1) : fused.get("0:{}", accuracyRows).argMax(1);
        NDArray truth = accuracyRows == rows ? y : y.get("0:{}", accuracyRows);
        correct += predicted.eq(truth).sum().getLong();
        t = lap(phases, StepPhases.Phase.BOOKKEEPING, t);
      } finally {
        stepManager.close();
      }
      t = lap(phases, StepPhases.Phase.RELEASE, t);
      counted += accuracyRows;
      images += rows;
      if (!Float.isFinite(stepLoss)) {
        return new EpochStats(
            epoch, Double.NaN, (double) correct / counted, images, seconds(start), true);
      }
      updater.step(schedule.at(updater.stepCount()));
      lap(phases, StepPhases.Phase.OPTIMISER, t);
      lossSum += stepLoss;
      listener.afterStep(
          step, steps, lossSum / step, (double) correct / counted, images / seconds(start));
    }
    return new EpochStats(
        epoch, lossSum / steps, (double) correct / counted, images, seconds(start), true);
  }

  private static long lap(StepPhases phases, StepPhases.Phase phase, long since) {
    long now = System.nanoTime();
    phases.add(phase, now - since);
    return now;
  }

  private static double seconds(long start) {
    return Math.max(1e-9, (System.nanoTime() - start) / 1e9);
  }
}
