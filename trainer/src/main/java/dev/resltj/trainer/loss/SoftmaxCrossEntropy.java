package dev.resltj.trainer.loss;

import ai.djl.ndarray.NDArray;

/** Softmax cross-entropy per sample, the one building block of every objective here. */
final class SoftmaxCrossEntropy {
  private SoftmaxCrossEntropy() {}

  /** {@code -log softmax(logits)[i, labels[i]]} for each row, shape {@code [N]}. */
  static NDArray perSample(NDArray logits, NDArray labels) {
    try (NDArray logProbabilities = logits.logSoftmax(1);
        NDArray index = labels.reshape(-1, 1);
        NDArray picked = logProbabilities.gather(index, 1)) {
      return picked.reshape(-1).neg();
    }
  }

  /** Mean of {@link #perSample} over the batch, a scalar. */
  static NDArray mean(NDArray logits, NDArray labels) {
    try (NDArray perSample = perSample(logits, labels)) {
      return perSample.mean();
    }
  }
}
