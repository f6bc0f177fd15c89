package dev.resltj.server.inference;

import java.util.List;
import java.util.Objects;

/**
 * The numbers of an input tensor as sent: row-major values and, when the client nested them, the
 * length of each nesting level ({@code [1, 1, 28, 28]} for data nested as a 1x1x28x28 tensor;
 * {@code [784]} for flat data). Owns its array.
 */
public final class InputData {
  private final float[] values;
  private final List<Integer> nesting;

  InputData(float[] values, List<Integer> nesting) {
    this.values = Objects.requireNonNull(values, "values");
    this.nesting = List.copyOf(nesting);
  }

  /** Number of values. */
  public int size() {
    return values.length;
  }

  /** Lengths of the nesting levels; one level for flat data. */
  public List<Integer> nesting() {
    return nesting;
  }

  boolean isFlat() {
    return nesting.size() == 1;
  }

  /** The values, handed over without a copy: the caller owns them from now on. */
  float[] values() {
    return values;
  }
}
