package dev.resltj.trainer.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.List;

/**
 * Logit-adjusted cross-entropy (Menon et al. 2021, "Long-tail learning via logit adjustment"): the
 * cross-entropy of {@code logits + tau * log(prior)}, where the prior is the training-set class
 * frequency. Training against the prior-shifted logits makes the unadjusted logits, used at
 * inference, estimate the balanced posterior. A class without training images is counted as one
 * image so its log-prior stays finite.
 */
public final class LogitAdjustedLoss implements MethodLoss {
  private final float[] adjustment;

  private LogitAdjustedLoss(float[] adjustment) {
    this.adjustment = adjustment;
  }

  /**
   * The loss for training-set {@code classCounts} with temperature {@code tau} (1 in the paper).
   */
  public static LogitAdjustedLoss of(List<Integer> classCounts, double tau) {
    if (!(tau > 0) || !Double.isFinite(tau)) {
      throw new IllegalArgumentException("tau must be a positive number, got " + tau);
    }
    if (classCounts.size() < 2) {
      throw new IllegalArgumentException("need counts for at least 2 classes, got " + classCounts);
    }
    double total = 0;
    for (int n : classCounts) {
      total += Math.max(n, 1);
    }
    float[] adjustment = new float[classCounts.size()];
    for (int c = 0; c < adjustment.length; c++) {
      adjustment[c] = (float) (tau * Math.log(Math.max(classCounts.get(c), 1) / total));
    }
    return new LogitAdjustedLoss(adjustment);
  }

  /** {@code tau * log(prior)} per class, the shift added to the logits while training. */
  public float[] adjustment() {
    return adjustment.clone();
  }

  @Override
  public NDArray compute(NDList outputs, NDArray labels) {
    return mean(outputs.get(0), labels);
  }

  /** Mean logit-adjusted cross-entropy of {@code logits}. */
  NDArray mean(NDArray logits, NDArray labels) {
    NDArray shift = EngineConstants.table(logits.getManager(), adjustment);
    try (NDArray adjusted = logits.add(shift)) {
      return SoftmaxCrossEntropy.mean(adjusted, labels);
    }
  }
}
