package dev.resltj.server.inference;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/** The {@code data} of a response tensor: FP32 numbers or BYTES strings. */
public sealed interface TensorData permits TensorData.Floats, TensorData.Strings {

  /**
   * The values as the binary forms of Triton and KServe carry them: FP32 as little-endian floats,
   * BYTES as a 4-byte little-endian length before each UTF-8 string.
   */
  byte[] littleEndianBytes();

  /** FP32 values, row-major. Owns its array (handed over by the caller, not copied). */
  final class Floats implements TensorData {
    private final float[] values;

    Floats(float[] values) {
      this.values = Objects.requireNonNull(values, "values");
    }

    public int size() {
      return values.length;
    }

    public float get(int index) {
      return values[index];
    }

    @Override
    public byte[] littleEndianBytes() {
      ByteBuffer b =
          ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
      b.asFloatBuffer().put(values);
      return b.array();
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

    @Override
    public byte[] littleEndianBytes() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteBuffer length = ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
      for (String s : values) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(length.clear().putInt(utf8.length).array());
        out.writeBytes(utf8);
      }
      return out.toByteArray();
    }
  }
}
