package dev.resltj.trainer.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/** Mean softmax cross-entropy on the single head's logits ({@code ce}, {@code ce-balanced}). */
public final class CrossEntropyLoss implements MethodLoss {

  @Override
  public NDArray compute(NDList outputs, NDArray labels) {
    return SoftmaxCrossEntropy.mean(outputs.get(0), labels);
  }
}
