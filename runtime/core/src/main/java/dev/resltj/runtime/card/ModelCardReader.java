package dev.resltj.runtime.card;

import dev.resltj.runtime.ClassGroup;
import dev.resltj.runtime.ModelCard;
import dev.resltj.runtime.ModelLoadException;
import dev.resltj.runtime.OnnxContract;
import dev.resltj.runtime.Polarity;
import dev.resltj.runtime.card.JsonValue.JsonArray;
import dev.resltj.runtime.card.JsonValue.JsonNumber;
import dev.resltj.runtime.card.JsonValue.JsonObject;
import dev.resltj.runtime.card.JsonValue.JsonString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Builds a {@link ModelCard} from {@code metadata_props} and what the graph itself declares. Every
 * malformed entry is a {@link ModelLoadException} naming the key and what was expected.
 */
public final class ModelCardReader {
  private ModelCardReader() {}

  /**
   * What the graph declares, which the metadata must agree with.
   *
   * @param channels input channels
   * @param height input height
   * @param width input width
   * @param classes classes in the main output, or -1 when the graph leaves it symbolic
   */
  public record GraphFacts(int channels, int height, int width, int classes) {}

  public static ModelCard read(
      Map<String, String> metadata, ModelCard.Producer producer, GraphFacts graph) {
    int classes = graph.classes();
    List<String> labels;
    if (metadata.containsKey(OnnxContract.KEY_LABELS)) {
      labels = strings(OnnxContract.KEY_LABELS, parse(metadata, OnnxContract.KEY_LABELS));
      if (classes > 0 && labels.size() != classes) {
        throw new ModelLoadException(
            "metadata "
                + OnnxContract.KEY_LABELS
                + " has "
                + labels.size()
                + " labels but the model outputs "
                + classes
                + " classes");
      }
    } else {
      if (classes < 1) {
        throw new ModelLoadException(
            "the model's output has a variable class dimension and no "
                + OnnxContract.KEY_LABELS
                + " metadata: cannot tell how many classes it has");
      }
      labels = new ArrayList<>();
      for (int i = 0; i < classes; i++) {
        labels.add("class_" + i);
      }
    }

    List<Integer> counts = List.of();
    if (metadata.containsKey(OnnxContract.KEY_CLASS_COUNTS)) {
      counts = ints(OnnxContract.KEY_CLASS_COUNTS, parse(metadata, OnnxContract.KEY_CLASS_COUNTS));
      if (counts.size() != labels.size()) {
        throw new ModelLoadException(
            "metadata "
                + OnnxContract.KEY_CLASS_COUNTS
                + " has "
                + counts.size()
                + " counts but the model has "
                + labels.size()
                + " classes");
      }
    }

    Optional<ModelCard.Groups> groups = Optional.empty();
    if (metadata.containsKey(OnnxContract.KEY_CLASS_GROUPS)) {
      groups =
          Optional.of(readGroups(parse(metadata, OnnxContract.KEY_CLASS_GROUPS), labels.size()));
    }

    ModelCard.Input input = readInput(metadata, graph);

    Optional<String> method = Optional.ofNullable(metadata.get(OnnxContract.KEY_METHOD));
    Optional<String> branchStyle = Optional.ofNullable(metadata.get(OnnxContract.KEY_BRANCH_STYLE));
    OptionalDouble alpha = OptionalDouble.empty();
    if (metadata.containsKey(OnnxContract.KEY_ALPHA)) {
      String text = metadata.get(OnnxContract.KEY_ALPHA).trim();
      try {
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value)) {
          throw new NumberFormatException("not finite");
        }
        alpha = OptionalDouble.of(value);
      } catch (NumberFormatException e) {
        throw new ModelLoadException(
            "metadata " + OnnxContract.KEY_ALPHA + " must be a number, found '" + text + "'");
      }
    }

    Optional<ModelCard.Metrics> metrics = Optional.empty();
    if (metadata.containsKey(OnnxContract.KEY_METRICS)) {
      metrics = Optional.of(readMetrics(parse(metadata, OnnxContract.KEY_METRICS)));
    }

    try {
      return new ModelCard(
          labels,
          groups,
          counts,
          input,
          method,
          alpha,
          branchStyle,
          metrics,
          producer,
          optionalObject(metadata, OnnxContract.KEY_RUN_CONFIG),
          optionalObject(metadata, OnnxContract.KEY_SPLIT),
          optionalObject(metadata, OnnxContract.KEY_PROVENANCE),
          metadata);
    } catch (IllegalArgumentException e) {
      throw new ModelLoadException("inconsistent model metadata: " + e.getMessage(), e);
    }
  }

  private static ModelCard.Input readInput(Map<String, String> metadata, GraphFacts graph) {
    if (!metadata.containsKey(OnnxContract.KEY_INPUT)) {
      // A plain classifier: trust the graph, assume 0..255 pixels and make no polarity guess.
      return input(graph.channels(), graph.height(), graph.width(), 0f, 255f, Polarity.ANY);
    }
    String key = OnnxContract.KEY_INPUT;
    JsonObject o = object(key, parse(metadata, key));
    int channels = (int) integer(key, o, "channels");
    int height = (int) integer(key, o, "height");
    int width = (int) integer(key, o, "width");
    if (channels != graph.channels() || height != graph.height() || width != graph.width()) {
      throw new ModelLoadException(
          "metadata "
              + key
              + " says "
              + channels
              + "x"
              + height
              + "x"
              + width
              + " but the graph input is "
              + graph.channels()
              + "x"
              + graph.height()
              + "x"
              + graph.width());
    }
    float min = o.get("value_min").isPresent() ? (float) number(key, o, "value_min") : 0f;
    float max = o.get("value_max").isPresent() ? (float) number(key, o, "value_max") : 255f;
    Polarity polarity = Polarity.ANY;
    if (o.get("polarity").isPresent()) {
      String id = string(key, o, "polarity");
      try {
        polarity = Polarity.fromId(id);
      } catch (IllegalArgumentException e) {
        throw new ModelLoadException("metadata " + key + ": " + e.getMessage(), e);
      }
    }
    return input(channels, height, width, min, max, polarity);
  }

  private static ModelCard.Input input(
      int channels, int height, int width, float min, float max, Polarity polarity) {
    try {
      return new ModelCard.Input(channels, height, width, min, max, polarity);
    } catch (IllegalArgumentException e) {
      throw new ModelLoadException("unsupported model input: " + e.getMessage(), e);
    }
  }

  private static ModelCard.Groups readGroups(JsonValue value, int classes) {
    String key = OnnxContract.KEY_CLASS_GROUPS;
    JsonObject o = object(key, value);
    List<List<Integer>> members = new ArrayList<>();
    for (ClassGroup g : ClassGroup.values()) {
      JsonValue list = o.get(g.id()).orElse(new JsonArray(List.of()));
      List<Integer> indices = ints(key + "." + g.id(), list);
      for (int index : indices) {
        if (index < 0 || index >= classes) {
          throw new ModelLoadException(
              "metadata "
                  + key
                  + "."
                  + g.id()
                  + " names class "
                  + index
                  + ": expected 0.."
                  + (classes - 1));
        }
      }
      members.add(indices);
    }
    try {
      return new ModelCard.Groups(
          (int) integer(key, o, "tail_max"),
          (int) integer(key, o, "medium_max"),
          members.get(0),
          members.get(1),
          members.get(2));
    } catch (IllegalArgumentException e) {
      throw new ModelLoadException("metadata " + key + ": " + e.getMessage(), e);
    }
  }

  private static ModelCard.Metrics readMetrics(JsonValue value) {
    String key = OnnxContract.KEY_METRICS;
    JsonObject o = object(key, value);
    String dataset = o.get("dataset").isPresent() ? string(key, o, "dataset") : "unknown";
    long images = o.get("images").isPresent() ? integer(key, o, "images") : 0;
    try {
      return new ModelCard.Metrics(
          dataset,
          images,
          optionalNumber(key, o, "top1"),
          optionalNumber(key, o, "balanced"),
          optionalNumber(key, o, "head"),
          optionalNumber(key, o, "medium"),
          optionalNumber(key, o, "tail"));
    } catch (IllegalArgumentException e) {
      throw new ModelLoadException("metadata " + key + ": " + e.getMessage(), e);
    }
  }

  private static JsonObject optionalObject(Map<String, String> metadata, String key) {
    return metadata.containsKey(key) ? object(key, parse(metadata, key)) : JsonObject.EMPTY;
  }

  private static JsonValue parse(Map<String, String> metadata, String key) {
    try {
      return Json.parse(metadata.get(key));
    } catch (JsonParseException e) {
      throw new ModelLoadException("metadata " + key + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  private static JsonObject object(String key, JsonValue value) {
    if (value instanceof JsonObject o) {
      return o;
    }
    throw new ModelLoadException(
        "metadata " + key + " must be a JSON object, found " + value.typeName());
  }

  private static List<String> strings(String key, JsonValue value) {
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

  private static List<Integer> ints(String key, JsonValue value) {
    if (!(value instanceof JsonArray array)) {
      throw new ModelLoadException(
          "metadata " + key + " must be a JSON array of integers, found " + value.typeName());
    }
    List<Integer> out = new ArrayList<>();
    for (JsonValue e : array.elements()) {
      out.add(toInt(key, e));
    }
    return out;
  }

  private static int toInt(String key, JsonValue e) {
    if (e instanceof JsonNumber n && n.isLong()) {
      long v = Long.parseLong(n.text());
      if (v >= 0 && v <= Integer.MAX_VALUE) {
        return (int) v;
      }
    }
    throw new ModelLoadException(
        "metadata "
            + key
            + " must contain non-negative integers, found "
            + (e instanceof JsonNumber n ? n.text() : e.typeName()));
  }

  private static long integer(String key, JsonObject o, String field) {
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

  private static double number(String key, JsonObject o, String field) {
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

  private static OptionalDouble optionalNumber(String key, JsonObject o, String field) {
    if (o.get(field).isEmpty() || o.get(field).get() instanceof JsonValue.JsonNull) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(number(key, o, field));
  }

  private static String string(String key, JsonObject o, String field) {
    JsonValue v = require(key, o, field);
    if (v instanceof JsonString s) {
      return s.value();
    }
    throw new ModelLoadException(
        "metadata " + key + ": field \"" + field + "\" must be a string, found " + v.typeName());
  }

  private static JsonValue require(String key, JsonObject o, String field) {
    return o.get(field)
        .orElseThrow(
            () -> new ModelLoadException("metadata " + key + " lacks the field \"" + field + "\""));
  }
}
