package dev.resltj.runtime.card;

import dev.resltj.runtime.ModelCard;
import dev.resltj.runtime.OnnxContract;
import dev.resltj.runtime.card.JsonValue.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Everything a ResLT-J model says about itself in {@code metadata_props}, typed: what the trainer
 * writes ({@link #toProperties()}) and what {@link ModelCardReader} reads back with the same
 * records ({@link ModelCard.Input}, {@link ModelCard.Groups}, {@link ModelCard.Metrics}) and the
 * keys of {@link OnnxContract}, so neither side spells a key or field name of its own.
 *
 * @param labels one class name per class index ({@code reslt.labels})
 * @param classCounts training images per class ({@code reslt.class_counts}), one per label
 * @param groups head/medium/tail and their thresholds ({@code reslt.class_groups})
 * @param input the image the model expects ({@code reslt.input})
 * @param dataset the training data set's name ({@code reslt.dataset}), for example {@code mnist}
 * @param method the training method ({@code reslt.method})
 * @param alpha the ResLT alpha ({@code reslt.alpha}); empty for baselines
 * @param branchStyle {@code paper}, {@code separate} or {@code single} ({@code reslt.branch_style})
 * @param metrics test metrics ({@code reslt.metrics}), if evaluated
 * @param runConfig the run configuration ({@code reslt.run_config}), if known
 * @param split the split without image indices ({@code reslt.split}), if known
 * @param provenance how the model was made ({@code reslt.provenance})
 */
public record ModelMetadata(
    List<String> labels,
    List<Integer> classCounts,
    ModelCard.Groups groups,
    ModelCard.Input input,
    String dataset,
    String method,
    OptionalDouble alpha,
    String branchStyle,
    Optional<ModelCard.Metrics> metrics,
    Optional<JsonObject> runConfig,
    Optional<JsonObject> split,
    JsonObject provenance) {

  public ModelMetadata {
    labels = List.copyOf(labels);
    classCounts = List.copyOf(classCounts);
    Objects.requireNonNull(groups, "groups");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(alpha, "alpha");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(runConfig, "runConfig");
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(provenance, "provenance");
    requireText("dataset", dataset);
    requireText("method", method);
    requireText("branchStyle", branchStyle);
    if (labels.isEmpty() || labels.stream().anyMatch(l -> l == null || l.isBlank())) {
      throw new IllegalArgumentException("need one non-empty label per class, got " + labels);
    }
    if (classCounts.size() != labels.size()) {
      throw new IllegalArgumentException(
          classCounts.size() + " class counts for " + labels.size() + " labels");
    }
    for (List<Integer> members : List.of(groups.head(), groups.medium(), groups.tail())) {
      for (int index : members) {
        if (index >= labels.size()) {
          throw new IllegalArgumentException(
              "class group refers to class " + index + " but there are " + labels.size());
        }
      }
    }
  }

  private static void requireText(String what, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
  }

  /** The {@code metadata_props} entries, keys of {@link OnnxContract}, in a stable order. */
  public Map<String, String> toProperties() {
    Map<String, String> props = new LinkedHashMap<>();
    props.put(OnnxContract.KEY_LABELS, Json.write(ContractJson.stringArray(labels)));
    props.put(OnnxContract.KEY_CLASS_COUNTS, Json.write(ContractJson.intArray(classCounts)));
    props.put(OnnxContract.KEY_CLASS_GROUPS, groups.toJson());
    props.put(OnnxContract.KEY_INPUT, input.toJson());
    props.put(OnnxContract.KEY_DATASET, dataset);
    props.put(OnnxContract.KEY_METHOD, method);
    alpha.ifPresent(a -> props.put(OnnxContract.KEY_ALPHA, Double.toString(a)));
    props.put(OnnxContract.KEY_BRANCH_STYLE, branchStyle);
    metrics.ifPresent(m -> props.put(OnnxContract.KEY_METRICS, m.toJson()));
    runConfig.ifPresent(o -> props.put(OnnxContract.KEY_RUN_CONFIG, Json.write(o)));
    split.ifPresent(o -> props.put(OnnxContract.KEY_SPLIT, Json.write(o)));
    props.put(OnnxContract.KEY_PROVENANCE, Json.write(provenance));
    return props;
  }

  /**
   * Parses JSON text that must be an object (a run file embedded as it is).
   *
   * @throws IllegalArgumentException naming {@code what} when it is not a JSON object
   */
  public static JsonObject jsonObject(String what, String json) {
    JsonValue value;
    try {
      value = Json.parse(json);
    } catch (JsonParseException e) {
      throw new IllegalArgumentException(what + " is not valid JSON: " + e.getMessage(), e);
    }
    if (value instanceof JsonObject o) {
      return o;
    }
    throw new IllegalArgumentException(what + " must be a JSON object, found " + value.typeName());
  }
}
