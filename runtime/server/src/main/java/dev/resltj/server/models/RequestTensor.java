package dev.resltj.server.models;

import java.util.List;
import java.util.Objects;

/**
 * One output tensor of one request: its rows of a batched model run. Owns its array.
 *
 * @see RequestResult
 */
public final class RequestTensor {
  private final String name;
  private final List<Long> shape;
  private final float[] values;

  RequestTensor(String name, List<Long> shape, float[] values) {
    this.name = Objects.requireNonNull(name, "name");
    this.shape = List.copyOf(shape);
    this.values = Objects.requireNonNull(values, "values");
  }

  public String name() {
    return name;
  }

  /** The concrete shape, first dimension the request's image count. */
  public List<Long> shape() {
    return shape;
  }

  /** Number of values. */
  public int size() {
    return values.length;
  }

  /** Values per image (per row of the first dimension). */
  public int rowSize() {
    return values.length / Math.toIntExact(shape.get(0));
  }

  /** Value {@code index} in row-major order. */
  public float get(int index) {
    return values[index];
  }

  /**
   * The values, row-major, not copied: callers only read them, so the response is written without
   * another copy of every float.
   */
  public float[] values() {
    return values;
  }
}
