package dev.resltj.server.inference;

import java.util.List;
import java.util.Objects;

/** The {@code data} of a response tensor: FP32 numbers or BYTES strings. */
public sealed interface TensorData permits TensorData.Floats, TensorData.Strings {

  /** FP32 values, row-major. Owns its array (handed over by the caller, not copied). */
  final class Floats implements TensorData {
    private final float[] values;

    Floats(float[] values) {
      this.values = Objects.requireNonNull(values, "values");
    }

    int size() {
      return values.length;
    }

    float get(int index) {
      return values[index];
    }
  }

  /**
   * BYTES values as strings, row-major.
   *
   * @param values the strings
   */
  record Strings(List<String> values) implements TensorData {
    public Strings {
      values = List.copyOf(values);
    }
  }
}
