package dev.resltj.server.inference;

import dev.resltj.server.error.InvalidRequestException;
import io.micronaut.json.tree.JsonNode;
import java.util.List;

/**
 * Reads the {@code data} of an FP32 input tensor into a float array: flat in row-major order, or
 * nested exactly as the shape. Every element must be a JSON number that is a finite float32.
 */
final class TensorReader {
  private TensorReader() {}

  /**
   * @param shape the declared shape, every dimension positive
   * @param where the field's name in messages, e.g. {@code inputs[0].data}
   * @throws InvalidRequestException naming the first problem
   */
  static float[] read(JsonNode data, List<Long> shape, String where) {
    long expected = 1;
    for (long d : shape) {
      expected = Math.multiplyExact(expected, d);
    }
    if (data == null || data.isNull()) {
      throw new InvalidRequestException(where + " is required: " + expected + " numbers");
    }
    if (!data.isArray()) {
      throw new InvalidRequestException(
          where + " must be an array of numbers, flat or nested as the shape " + shape);
    }
    boolean nested = data.size() > 0 && data.get(0).isArray();
    if (!nested) {
      // size is checked before allocating: the shape alone must not make us allocate
      if (data.size() != expected) {
        throw new InvalidRequestException(
            where
                + " holds "
                + data.size()
                + " values but the shape "
                + shape
                + " needs "
                + expected);
      }
      float[] values = new float[(int) expected];
      for (int i = 0; i < values.length; i++) {
        values[i] = element(data.get(i), where, "[" + i + "]");
      }
      return values;
    }
    if (data.size() != shape.get(0)) {
      throw new InvalidRequestException(
          where
              + " is nested with "
              + data.size()
              + " entries at the top but the shape "
              + shape
              + " has "
              + shape.get(0)
              + "; nest exactly as the shape, or send the values flat");
    }
    float[] values = new float[(int) expected];
    fill(data, shape, 0, values, new int[] {0}, where, "");
    return values;
  }

  private static void fill(
      JsonNode node,
      List<Long> shape,
      int depth,
      float[] values,
      int[] next,
      String where,
      String path) {
    if (depth == shape.size()) {
      values[next[0]++] = element(node, where, path);
      return;
    }
    if (!node.isArray() || node.size() != shape.get(depth)) {
      throw new InvalidRequestException(
          where
              + path
              + " should be an array of "
              + shape.get(depth)
              + " (dimension "
              + depth
              + " of the shape "
              + shape
              + ") but is "
              + describe(node)
              + "; nest exactly as the shape, or send the values flat");
    }
    for (int i = 0; i < node.size(); i++) {
      fill(node.get(i), shape, depth + 1, values, next, where, path + "[" + i + "]");
    }
  }

  private static float element(JsonNode node, String where, String path) {
    if (!node.isNumber()) {
      throw new InvalidRequestException(
          where + path + " is " + describe(node) + ": FP32 data must be numbers");
    }
    float value = (float) node.getDoubleValue();
    if (!Float.isFinite(value)) {
      throw new InvalidRequestException(
          where
              + path
              + " is "
              + node.getNumberValue()
              + ", outside the float32 range: values must be finite");
    }
    return value;
  }

  private static String describe(JsonNode node) {
    if (node.isArray()) {
      return "an array of " + node.size();
    }
    if (node.isString()) {
      String s = node.getStringValue();
      return "the string \"" + (s.length() > 20 ? s.substring(0, 20) + "..." : s) + "\"";
    }
    if (node.isBoolean()) {
      return "the boolean " + node.getBooleanValue();
    }
    if (node.isNull()) {
      return "null";
    }
    if (node.isObject()) {
      return "an object";
    }
    return "the number " + node.getNumberValue();
  }
}
