package dev.resltj.runtime.postprocess;

/**
 * Where a model's class probabilities come from, decided once from the outputs it has
 * (docs/onnx-contract.md), so the embedded classifier and the server answer alike.
 */
public enum ClassProbabilities {
  /** The model has a {@code probabilities} output: used as it is. */
  GIVEN,

  /** The model has {@code logits} but no {@code probabilities}: their softmax. */
  SOFTMAX_OF_LOGITS,

  /**
   * A plain classifier's only scores, unnamed: kept where a row already is a distribution (an
   * exporter that ends in Softmax), else their softmax. Applying softmax twice would flatten them.
   */
  FROM_UNNAMED_SCORES;

  /** The rule for a model with, or without, the contract's two named outputs. */
  public static ClassProbabilities forOutputs(boolean hasProbabilities, boolean hasLogits) {
    if (hasProbabilities) {
      return GIVEN;
    }
    return hasLogits ? SOFTMAX_OF_LOGITS : FROM_UNNAMED_SCORES;
  }

  /**
   * The probabilities of every row of {@code scores}, {@code classes} values each: {@code scores}
   * itself when the model gives them, else a new array.
   */
  public float[] of(float[] scores, int classes) {
    if (this == GIVEN) {
      return scores;
    }
    float[] out = new float[scores.length];
    for (int offset = 0; offset < scores.length; offset += classes) {
      fill(scores, offset, classes, out);
    }
    return out;
  }

  /**
   * Writes the probabilities of the row {@code scores[offset, offset + count)} into {@code out} at
   * the same place.
   */
  void fill(float[] scores, int offset, int count, float[] out) {
    boolean keep =
        this == GIVEN
            || (this == FROM_UNNAMED_SCORES && Softmax.isDistribution(scores, offset, count));
    if (keep) {
      System.arraycopy(scores, offset, out, offset, count);
    } else {
      Softmax.apply(scores, offset, count, out);
    }
  }
}
