package dev.resltj.trainer.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.resltj.runtime.ImageKind;
import dev.resltj.runtime.ModelCard;
import dev.resltj.runtime.Polarity;
import dev.resltj.trainer.data.ClassGroups;
import dev.resltj.trainer.storage.JsonFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What an exported model says about itself beyond its graph. {@link OnnxModelWriter} turns it into
 * runtime/core's contract record ({@code dev.resltj.runtime.card.ModelMetadata}), which writes the
 * {@code metadata_props}: the trainer spells no key or field name. Values that come from the run
 * folder as they are ({@code run.json}, the split, provenance) are kept as compact JSON text,
 * checked to be JSON objects.
 *
 * @param labels one class name per class index (the model's labels)
 * @param groups per-class training counts and the thresholds that make head/medium/tail
 * @param method the training method's name ({@code reslt}, {@code ce}, ...)
 * @param alpha the ResLT alpha; empty for baselines
 * @param dataset the training data set's name ({@code mnist}, {@code fashion-mnist}, ...)
 * @param imageKind drawings (the MNIST family) may be inverted and centred by the runtime, photos
 *     never
 * @param polarity how the object stands out from the background ({@code ANY} for photos)
 * @param metrics test metrics, if evaluated
 * @param runConfigJson the run configuration, if known
 * @param splitJson the split without its image indices, if known
 * @param provenanceJson how the model was made (versions, machine, time, data hashes)
 * @param modelVersion the ONNX {@code model_version}
 */
public record ExportMetadata(
    List<String> labels,
    ClassGroups groups,
    String method,
    OptionalDouble alpha,
    String dataset,
    ImageKind imageKind,
    Polarity polarity,
    Optional<ModelCard.Metrics> metrics,
    Optional<String> runConfigJson,
    Optional<String> splitJson,
    String provenanceJson,
    long modelVersion) {

  public ExportMetadata {
    labels = List.copyOf(labels);
    if (groups == null || imageKind == null || polarity == null || metrics == null) {
      throw new IllegalArgumentException("groups, image kind, polarity and metrics are required");
    }
    if (method == null || method.isBlank() || dataset == null || dataset.isBlank()) {
      throw new IllegalArgumentException(
          "method and dataset must not be empty, got method '"
              + method
              + "', dataset '"
              + dataset
              + "'");
    }
    if (labels.size() != groups.numClasses()) {
      throw new IllegalArgumentException(
          labels.size() + " labels for " + groups.numClasses() + " classes");
    }
    if (alpha.isPresent() && !(alpha.getAsDouble() >= 0 && alpha.getAsDouble() <= 1)) {
      throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha.getAsDouble());
    }
    if (modelVersion < 1) {
      throw new IllegalArgumentException("model version must be >= 1, got " + modelVersion);
    }
    runConfigJson.ifPresent(json -> requireObject("run config", json));
    splitJson.ifPresent(json -> requireObject("split", json));
    requireObject("provenance", provenanceJson);
  }

  /** Labels {@code "0"} .. {@code "C-1"}. */
  public static List<String> indexLabels(int numClasses) {
    List<String> labels = new ArrayList<>(numClasses);
    for (int c = 0; c < numClasses; c++) {
      labels.add(Integer.toString(c));
    }
    return List.copyOf(labels);
  }

  /** The data set every run trained on before other sources existed. */
  public static final String MNIST = "mnist";

  /**
   * The least a model needs: index labels, the groups, the method, no metrics or run files, and the
   * provenance of this process; the data described as MNIST's (a light drawing on black), as every
   * export before other data sources.
   */
  public static ExportMetadata of(ClassGroups groups, String method, OptionalDouble alpha) {
    return new ExportMetadata(
        indexLabels(groups.numClasses()),
        groups,
        method,
        alpha,
        MNIST,
        ImageKind.DRAWING,
        Polarity.LIGHT_ON_DARK,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        JsonFiles.toJson(ExportProvenance.ofThisProcess()),
        1);
  }

  /** This metadata with other data: the data set's name, its image kind and polarity. */
  public ExportMetadata withData(String dataset, ImageKind imageKind, Polarity polarity) {
    return new ExportMetadata(
        labels,
        groups,
        method,
        alpha,
        dataset,
        imageKind,
        polarity,
        metrics,
        runConfigJson,
        splitJson,
        provenanceJson,
        modelVersion);
  }

  /** This metadata with other class names (one per class). */
  public ExportMetadata withLabels(List<String> classNames) {
    return new ExportMetadata(
        classNames,
        groups,
        method,
        alpha,
        dataset,
        imageKind,
        polarity,
        metrics,
        runConfigJson,
        splitJson,
        provenanceJson,
        modelVersion);
  }

  private static void requireObject(String what, String json) {
    JsonNode node;
    try {
      node = JsonFiles.mapper().readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException(what + " is not valid JSON: " + e.getMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(what + " must be a JSON object, got: " + json);
    }
  }
}
