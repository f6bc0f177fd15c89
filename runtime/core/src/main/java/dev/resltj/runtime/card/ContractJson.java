package dev.resltj.runtime.card;

import dev.resltj.runtime.ModelLoadException;
import dev.resltj.runtime.card.JsonValue.JsonArray;
import dev.resltj.runtime.card.JsonValue.JsonNull;
import dev.resltj.runtime.card.JsonValue.JsonNumber;
import dev.resltj.runtime.card.JsonValue.JsonObject;
import dev.resltj.runtime.card.JsonValue.JsonString;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Typed reading and writing of the JSON values in {@code metadata_props}, for the contract records
 * ({@link dev.resltj.runtime.ModelCard.Input} and its siblings). Every reading problem is a {@link
 * ModelLoadException} naming the metadata key, the field and what was expected.
 */
public final class ContractJson {
  private ContractJson() {}

  /** Parses the value of metadata {@code key}. */
  public static JsonValue parse(String key, String text) {
    try {
      return Json.parse(text);
    } catch (JsonParseException e) {
      throw new ModelLoadException("metadata " + key + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  /** Parses the value of metadata {@code key}, which must be a JSON object. */
  public static JsonObject parseObject(String key, String text) {
    return object(key, parse(key, text));
  }

  public static JsonObject object(String key, JsonValue value) {
    if (value instanceof JsonObject o) {
      return o;
    }
    throw new ModelLoadException(
        "metadata " + key + " must be a JSON object, found " + value.typeName());
  }

  /** A non-empty array of strings. */
  public static List<String> strings(String key, JsonValue value) {
    if (!(value instanceof JsonArray array)) {
      throw new ModelLoadException(
          "metadata " + key + " must be a JSON array of strings, found " + value.typeName());
    }
    List<String> out = new ArrayList<>();
    for (JsonValue e : array.elements()) {
      if (!(e instanceof JsonString s)) {
        throw new ModelLoadException(
            "metadata " + key + " must contain only strings, found " + e.typeName());
      }
      out.add(s.value());
    }
    if (out.isEmpty()) {
      throw new ModelLoadException("metadata " + key + " is empty: expected one label per class");
    }
    return out;
  }

  /** An array of non-negative integers. */
  public static List<Integer> ints(String key, JsonValue value) {
    if (!(value instanceof JsonArray array)) {
      throw new ModelLoadException(
          "metadata " + key + " must be a JSON array of integers, found " + value.typeName());
    }
    List<Integer> out = new ArrayList<>();
    for (JsonValue e : array.elements()) {
      if (e instanceof JsonNumber n && n.isLong()) {
        long v = Long.parseLong(n.text());
        if (v >= 0 && v <= Integer.MAX_VALUE) {
          out.add((int) v);
          continue;
        }
      }
      throw new ModelLoadException(
          "metadata "
              + key
              + " must contain non-negative integers, found "
              + (e instanceof JsonNumber n ? n.text() : e.typeName()));
    }
    return out;
  }

  /** An array of finite numbers, read as floats. */
  public static List<Float> floats(String key, JsonValue value) {
    if (!(value instanceof JsonArray array)) {
      throw new ModelLoadException(
          "metadata " + key + " must be a JSON array of numbers, found " + value.typeName());
    }
    List<Float> out = new ArrayList<>();
    for (JsonValue e : array.elements()) {
      if (e instanceof JsonNumber n && Float.isFinite((float) n.doubleValue())) {
        out.add((float) n.doubleValue());
      } else {
        throw new ModelLoadException(
            "metadata "
                + key
                + " must contain finite numbers, found "
                + (e instanceof JsonNumber n ? n.text() : e.typeName()));
      }
    }
    return out;
  }

  /** A required non-negative integer field. */
  public static long integer(String key, JsonObject o, String field) {
    JsonValue v = require(key, o, field);
    if (v instanceof JsonNumber n && n.isLong()) {
      long value = Long.parseLong(n.text());
      if (value >= 0 && value <= Integer.MAX_VALUE) {
        return value;
      }
    }
    throw new ModelLoadException(
        "metadata "
            + key
            + ": field \""
            + field
            + "\" must be a non-negative integer, found "
            + (v instanceof JsonNumber n ? n.text() : v.typeName()));
  }

  /** A required finite number field. */
  public static double number(String key, JsonObject o, String field) {
    JsonValue v = require(key, o, field);
    if (v instanceof JsonNumber n) {
      double d = n.doubleValue();
      if (Double.isFinite(d)) {
        return d;
      }
    }
    throw new ModelLoadException(
        "metadata "
            + key
            + ": field \""
            + field
            + "\" must be a finite number, found "
            + v.typeName());
  }

  /** An optional number field; absent or {@code null} is empty. */
  public static OptionalDouble optionalNumber(String key, JsonObject o, String field) {
    if (o.get(field).isEmpty() || o.get(field).get() instanceof JsonNull) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(number(key, o, field));
  }

  /** A required string field. */
  public static String string(String key, JsonObject o, String field) {
    JsonValue v = require(key, o, field);
    if (v instanceof JsonString s) {
      return s.value();
    }
    throw new ModelLoadException(
        "metadata " + key + ": field \"" + field + "\" must be a string, found " + v.typeName());
  }

  /** An optional string field. */
  public static Optional<String> optionalString(String key, JsonObject o, String field) {
    return o.get(field).isPresent() ? Optional.of(string(key, o, field)) : Optional.empty();
  }

  public static JsonValue require(String key, JsonObject o, String field) {
    return o.get(field)
        .orElseThrow(
            () -> new ModelLoadException("metadata " + key + " lacks the field \"" + field + "\""));
  }

  // ---- writing ----

  public static JsonArray stringArray(List<String> values) {
    return new JsonArray(values.stream().<JsonValue>map(JsonString::new).toList());
  }

  public static JsonArray intArray(List<Integer> values) {
    return new JsonArray(values.stream().<JsonValue>map(v -> JsonNumber.of((long) v)).toList());
  }

  public static JsonArray floatArray(List<Float> values) {
    return new JsonArray(values.stream().<JsonValue>map(JsonNumber::of).toList());
  }
}
