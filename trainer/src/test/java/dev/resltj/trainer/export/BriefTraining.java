package dev.resltj.trainer.export;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.resltj.trainer.model.NetworkBlock;
import dev.resltj.trainer.model.NetworkSpec;
import java.util.function.Consumer;

/**
 * Trains a network for a few dozen Adam steps of plain cross-entropy (on every output, so each
 * branch learns) and hands the trained block to {@code use} while the model is still open.
 */
final class BriefTraining {
  private BriefTraining() {}

  /** Returns the mean loss of the first and the last step. */
  static float[] train(
      NetworkSpec spec, SyntheticDigits data, int steps, int batch, Consumer<NetworkBlock> use) {
    Engine.getInstance().setRandomSeed(1);
    NetworkBlock block = NetworkBlock.of(spec);
    try (Model model = Model.newInstance("brief-training")) {
      model.setBlock(block);
      DefaultTrainingConfig config =
          new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
              .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(2e-3f)).build());
      float first = Float.NaN;
      float last = Float.NaN;
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(block.inputShape(batch));
        for (int step = 0; step < steps; step++) {
          int from = (step * batch) % (data.count() - batch);
          try (NDManager stepManager = trainer.getManager().newSubManager()) {
            NDArray x = stepManager.create(data.images(from, batch), block.inputShape(batch));
            NDArray y = stepManager.create(data.labels(from, batch)).oneHot(spec.numClasses());
            try (GradientCollector collector = trainer.newGradientCollector()) {
              NDList outputs = trainer.forward(new NDList(x));
              NDArray loss = null;
              for (NDArray logits : outputs) {
                NDArray ce = logits.logSoftmax(1).mul(y).sum(new int[] {1}).neg().mean();
                loss = loss == null ? ce : loss.add(ce);
              }
              collector.backward(loss);
              float value = loss.getFloat() / outputs.size();
              if (step == 0) {
                first = value;
              }
              last = value;
            }
            trainer.step();
          }
        }
      }
      use.accept(block);
      return new float[] {first, last};
    }
  }
}
