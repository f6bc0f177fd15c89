package dev.resltj.runtime.onnx;

/**
 * A float32 output copied out of ONNX Runtime's native memory. Internal to the runtime: the arrays
 * are handed over without copying, and nothing may modify them.
 */
public final class RawTensor {
  private final String name;
  private final long[] shape;
  private final float[] data;

  RawTensor(String name, long[] shape, float[] data) {
    this.name = name;
    this.shape = shape;
    this.data = data;
  }

  public String name() {
    return name;
  }

  /** The shape (not a copy: do not modify). */
  public long[] shape() {
    return shape;
  }

  /** The values, row-major (not a copy: do not modify). */
  public float[] data() {
    return data;
  }
}
