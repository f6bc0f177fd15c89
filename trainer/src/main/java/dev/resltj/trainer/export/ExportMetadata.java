package dev.resltj.trainer.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.resltj.trainer.data.ClassGroups;
import dev.resltj.trainer.storage.JsonFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What an exported model says about itself beyond its graph: written to {@code metadata_props}
 * under the keys of {@code dev.resltj.runtime.OnnxContract}. Structured values that come from the
 * run folder as they are ({@code run.json}, the split, the report's metrics, provenance) are kept
 * as compact JSON text, checked to be JSON objects.
 *
 * @param labels one label per class index
 * @param groups per-class training counts and the thresholds that make head/medium/tail
 * @param method the training method's name ({@code reslt}, {@code ce}, ...)
 * @param alpha the ResLT alpha; empty for baselines
 * @param polarity how the object stands out from the background
 * @param metricsJson test metrics ({@code top1}, {@code balanced}, {@code head}, ...), if evaluated
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
    Polarity polarity,
    Optional<String> metricsJson,
    Optional<String> runConfigJson,
    Optional<String> splitJson,
    String provenanceJson,
    long modelVersion) {

  public ExportMetadata {
    labels = List.copyOf(labels);
    if (groups == null || polarity == null || method == null || method.isBlank()) {
      throw new IllegalArgumentException("groups, polarity and method are required");
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
    metricsJson.ifPresent(json -> requireObject("metrics", json));
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

  /**
   * The least a model needs: index labels, the groups, the method, no metrics or run files, and the
   * provenance of this process.
   */
  public static ExportMetadata of(ClassGroups groups, String method, OptionalDouble alpha) {
    return new ExportMetadata(
        indexLabels(groups.numClasses()),
        groups,
        method,
        alpha,
        Polarity.LIGHT_ON_DARK,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        JsonFiles.toJson(ExportProvenance.ofThisProcess()),
        1);
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
