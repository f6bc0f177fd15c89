package dev.resltj.trainer.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Constants that take part in autograd, made so that backward can still read them. DJL's {@code
 * mul(Number)} and {@code create(float[])} wrap a Java direct buffer that the garbage collector
 * frees once the array is closed, while autograd keeps the tensor for the backward pass: backward
 * then scales the gradient by whatever the allocator wrote there. Scalars made here are filled by
 * libtorch, which owns their memory; tables stay on the step's manager, open until the step ends.
 */
final class EngineConstants {
  private EngineConstants() {}

  /** A 0-dim float32 array holding {@code value}, in memory libtorch owns. */
  static NDArray scalar(NDManager manager, float value) {
    return manager.full(new Shape(), value, DataType.FLOAT32);
  }

  /**
   * {@code values} as an array on {@code manager}; the caller must leave it open (the manager
   * closes it after backward).
   */
  static NDArray table(NDManager manager, float[] values) {
    return manager.create(values);
  }
}
