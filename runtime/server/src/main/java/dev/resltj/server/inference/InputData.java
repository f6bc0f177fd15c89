package dev.resltj.server.inference;

import dev.resltj.server.error.InvalidRequestException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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

  /** Values sent as a flat list (gRPC's typed {@code fp32_contents}), checked to be finite. */
  public static InputData flat(float[] values, String where) {
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        throw new InvalidRequestException(
            where + "[" + i + "] is " + values[i] + ": values must be finite");
      }
    }
    return new InputData(values, List.of(values.length));
  }

  /**
   * Values sent as raw little-endian FP32 bytes (Triton's binary tensor data over HTTP, gRPC's
   * {@code raw_input_contents}), checked to be whole floats and finite.
   */
  public static InputData littleEndian(ByteBuffer bytes, String where) {
    if (bytes.remaining() % Float.BYTES != 0) {
      throw new InvalidRequestException(
          where + " holds " + bytes.remaining() + " bytes: FP32 data is 4 bytes per value");
    }
    float[] values = new float[bytes.remaining() / Float.BYTES];
    bytes.slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
    return flat(values, where);
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
