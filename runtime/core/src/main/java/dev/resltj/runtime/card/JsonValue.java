package dev.resltj.runtime.card;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A parsed JSON value: what {@link Json#parse(String)} returns. */
public sealed interface JsonValue
    permits JsonValue.JsonObject,
        JsonValue.JsonArray,
        JsonValue.JsonString,
        JsonValue.JsonNumber,
        JsonValue.JsonBoolean,
        JsonValue.JsonNull {

  /** The JSON type name, for error messages ("object", "string", ...). */
  String typeName();

  /** An object; members keep their order in the document. */
  record JsonObject(Map<String, JsonValue> members) implements JsonValue {
    public static final JsonObject EMPTY = new JsonObject(Map.of());

    public JsonObject {
      // LinkedHashMap, not Map.copyOf: keeps the document's order for display
      members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    public Optional<JsonValue> get(String key) {
      return Optional.ofNullable(members.get(key));
    }

    @Override
    public String typeName() {
      return "object";
    }
  }

  record JsonArray(List<JsonValue> elements) implements JsonValue {
    public JsonArray {
      elements = List.copyOf(elements);
    }

    @Override
    public String typeName() {
      return "array";
    }
  }

  record JsonString(String value) implements JsonValue {
    public JsonString {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String typeName() {
      return "string";
    }
  }

  /** A number, kept as its source text so integers of any size survive. */
  record JsonNumber(String text) implements JsonValue {
    public JsonNumber {
      Objects.requireNonNull(text, "text");
    }

    /** An integer. */
    public static JsonNumber of(long value) {
      return new JsonNumber(Long.toString(value));
    }

    /**
     * A float, written as its shortest text ({@code 0.1307}, not the double {@code 0.13069999...}),
     * and whole values without a fraction ({@code 255}).
     */
    public static JsonNumber of(float value) {
      if (!Float.isFinite(value)) {
        throw new IllegalArgumentException("JSON has no " + value + ": expected a finite number");
      }
      if (value == Math.rint(value) && Math.abs(value) < 1e15f) {
        return of((long) value);
      }
      return new JsonNumber(Float.toString(value));
    }

    /** A double, written as its shortest text, whole values without a fraction. */
    public static JsonNumber of(double value) {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("JSON has no " + value + ": expected a finite number");
      }
      if (value == Math.rint(value) && Math.abs(value) < 1e15) {
        return of((long) value);
      }
      return new JsonNumber(Double.toString(value));
    }

    public double doubleValue() {
      return Double.parseDouble(text);
    }

    /** True when the number has no fraction or exponent and fits a long. */
    public boolean isLong() {
      if (text.indexOf('.') >= 0 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
        return false;
      }
      try {
        Long.parseLong(text);
        return true;
      } catch (NumberFormatException e) {
        return false;
      }
    }

    @Override
    public String typeName() {
      return "number";
    }
  }

  record JsonBoolean(boolean value) implements JsonValue {
    @Override
    public String typeName() {
      return "boolean";
    }
  }

  record JsonNull() implements JsonValue {
    public static final JsonNull INSTANCE = new JsonNull();

    @Override
    public String typeName() {
      return "null";
    }
  }
}
