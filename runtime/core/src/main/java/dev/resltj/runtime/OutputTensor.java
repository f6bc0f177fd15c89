package dev.resltj.runtime;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;

/** One float32 output of a raw {@link ResltClassifier#run} call, row-major. Immutable. */
public final class OutputTensor {
  private final String name;
  private final List<Long> shape;
  private final float[] data;

  // no copy: built by the classifier from an array nothing else holds
  OutputTensor(String name, long[] shape, float[] data) {
    this.name = name;
    this.shape = Arrays.stream(shape).boxed().toList();
    this.data = data;
  }

  public String name() {
    return name;
  }

  /** The concrete shape of this result, for example {@code [32, 10]}. */
  public List<Long> shape() {
    return shape;
  }

  /** Number of values. */
  public int size() {
    return data.length;
  }

  /** Value {@code index} in row-major order. */
  public float get(int index) {
    return data[index];
  }

  /** A read-only view of the values, without copying. */
  public FloatBuffer asFloatBuffer() {
    return FloatBuffer.wrap(data).asReadOnlyBuffer();
  }

  /** A copy of the values. */
  public float[] toArray() {
    return data.clone();
  }

  @Override
  public String toString() {
    return "OutputTensor[" + name + " " + shape + "]";
  }
}
