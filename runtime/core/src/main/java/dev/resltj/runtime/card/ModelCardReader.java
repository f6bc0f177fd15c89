package dev.resltj.runtime.card;

import dev.resltj.runtime.ModelCard;
import dev.resltj.runtime.ModelLoadException;
import dev.resltj.runtime.OnnxContract;
import dev.resltj.runtime.Polarity;
import dev.resltj.runtime.card.JsonValue.JsonObject;
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
      labels =
          ContractJson.strings(OnnxContract.KEY_LABELS, parse(metadata, OnnxContract.KEY_LABELS));
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
      counts =
          ContractJson.ints(
              OnnxContract.KEY_CLASS_COUNTS, parse(metadata, OnnxContract.KEY_CLASS_COUNTS));
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
          Optional.of(
              ModelCard.Groups.parse(metadata.get(OnnxContract.KEY_CLASS_GROUPS), labels.size()));
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
      metrics = Optional.of(ModelCard.Metrics.parse(metadata.get(OnnxContract.KEY_METRICS)));
    }

    try {
      return new ModelCard(
          labels,
          groups,
          counts,
          input,
          Optional.ofNullable(metadata.get(OnnxContract.KEY_DATASET)),
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
      try {
        return new ModelCard.Input(
            graph.channels(), graph.height(), graph.width(), 0f, 255f, Polarity.ANY);
      } catch (IllegalArgumentException e) {
        throw new ModelLoadException("unsupported model input: " + e.getMessage(), e);
      }
    }
    String key = OnnxContract.KEY_INPUT;
    ModelCard.Input input = ModelCard.Input.parse(metadata.get(key));
    if (input.channels() != graph.channels()
        || input.height() != graph.height()
        || input.width() != graph.width()) {
      throw new ModelLoadException(
          "metadata "
              + key
              + " says "
              + input.channels()
              + "x"
              + input.height()
              + "x"
              + input.width()
              + " but the graph input is "
              + graph.channels()
              + "x"
              + graph.height()
              + "x"
              + graph.width());
    }
    return input;
  }

  private static JsonObject optionalObject(Map<String, String> metadata, String key) {
    return metadata.containsKey(key)
        ? ContractJson.parseObject(key, metadata.get(key))
        : JsonObject.EMPTY;
  }

  private static JsonValue parse(Map<String, String> metadata, String key) {
    return ContractJson.parse(key, metadata.get(key));
  }
}
