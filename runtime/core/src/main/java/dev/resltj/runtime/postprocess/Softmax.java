package dev.resltj.runtime.postprocess;

/** Numerically stable softmax over one row of logits. */
public final class Softmax {
  private Softmax() {}

  /**
   * Writes softmax of {@code logits[offset, offset + count)} into {@code out} at the same place.
   */
  public static void apply(float[] logits, int offset, int count, float[] out) {
    float max = Float.NEGATIVE_INFINITY;
    for (int i = offset; i < offset + count; i++) {
      max = Math.max(max, logits[i]);
    }
    double sum = 0;
    for (int i = offset; i < offset + count; i++) {
      double e = Math.exp(logits[i] - max);
      out[i] = (float) e;
      sum += e;
    }
    for (int i = offset; i < offset + count; i++) {
      out[i] = (float) (out[i] / sum);
    }
  }

  /**
   * True when the row already looks like probabilities (non-negative, summing to 1 within 1e-3):
   * how a plain classifier with a single unnamed output is told apart from one that outputs logits.
   */
  public static boolean isDistribution(float[] values, int offset, int count) {
    double sum = 0;
    for (int i = offset; i < offset + count; i++) {
      if (!(values[i] >= 0f && values[i] <= 1f)) {
        return false;
      }
      sum += values[i];
    }
    return Math.abs(sum - 1) <= 1e-3;
  }
}
