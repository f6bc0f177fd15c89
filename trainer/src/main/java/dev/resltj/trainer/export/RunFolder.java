package dev.resltj.trainer.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.resltj.runtime.ClassGroup;
import dev.resltj.trainer.data.ClassGroups;
import dev.resltj.trainer.data.GroupThresholds;
import dev.resltj.trainer.model.ModelCheckpoint;
import dev.resltj.trainer.model.NetworkSpec;
import dev.resltj.trainer.storage.JsonFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads what a run folder ({@code runs/NAME/}) says about its model as plain JSON trees, so the
 * exporter depends on the files' documented fields, not on the classes that wrote them.
 */
final class RunFolder {
  static final String RUN_FILE = "run.json";
  static final String SPLIT_FILE = "split.json";
  static final String REPORT_FILE = "report.json";
  static final String PROVENANCE_FILE = "provenance.json";
  static final String CHECKPOINT_DIR = ModelCheckpoint.RUN_CHECKPOINT_DIR;

  private static final List<String> METRIC_FIELDS =
      List.of("dataset", "images", "top1", "balanced", "head", "medium", "tail");

  final Path runDir;
  final Path checkpointDir;

  private RunFolder(Path runDir, Path checkpointDir) {
    this.runDir = runDir;
    this.checkpointDir = checkpointDir;
  }

  /** Accepts the run folder or its {@code checkpoint/} folder. */
  static RunFolder at(Path dir) throws ExportException {
    Path folder = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(folder)) {
      throw new ExportException(
          dir
              + " is not a folder: expected a run folder (runs/NAME) or its "
              + CHECKPOINT_DIR
              + " folder");
    }
    if (Files.exists(folder.resolve(ModelCheckpoint.NETWORK_FILE))) {
      return new RunFolder(folder.getParent(), folder);
    }
    if (Files.isDirectory(folder.resolve(CHECKPOINT_DIR))
        || Files.exists(folder.resolve(RUN_FILE))) {
      // the epoch the run chose on validation, not merely its last
      Path model = ModelCheckpoint.locateModel(folder);
      return new RunFolder(folder, model.equals(folder) ? folder.resolve(CHECKPOINT_DIR) : model);
    }
    throw new ExportException(
        dir
            + " is neither a run folder (with "
            + RUN_FILE
            + " and "
            + CHECKPOINT_DIR
            + "/) nor a checkpoint folder (with "
            + ModelCheckpoint.NETWORK_FILE
            + ")");
  }

  /** The metadata of this run's model; {@code spec} is the checkpoint's network. */
  ExportMetadata metadata(NetworkSpec spec) throws ExportException {
    ObjectNode run = requiredObject(RUN_FILE);
    ObjectNode split = requiredObject(SPLIT_FILE);
    ClassGroups groups = groups(split, spec.numClasses());

    String method = run.hasNonNull("method") ? run.get("method").asText() : "unknown";
    OptionalDouble alpha = OptionalDouble.empty();
    // alpha means something only for the three-branch ResLT head
    if (spec.head().isReslt() && run.hasNonNull("alpha")) {
      JsonNode a = run.get("alpha");
      if (!a.isNumber()) {
        throw new ExportException(file(RUN_FILE) + ": 'alpha' must be a number, got " + a);
      }
      alpha = OptionalDouble.of(a.asDouble());
    }
    ObjectNode splitWithoutIndices = split.deepCopy();
    splitWithoutIndices.remove("indices");
    splitWithoutIndices.remove("validationIndices");

    Optional<String> metrics = optionalObject(REPORT_FILE).map(RunFolder::metrics);
    ObjectNode provenance =
        optionalObject(PROVENANCE_FILE)
            .map(ExportProvenance::merged)
            .orElseGet(ExportProvenance::ofThisProcess);
    try {
      return new ExportMetadata(
          labels(run, spec.numClasses()),
          groups,
          method,
          alpha,
          polarity(run),
          metrics,
          Optional.of(JsonFiles.toJson(run)),
          Optional.of(JsonFiles.toJson(splitWithoutIndices)),
          JsonFiles.toJson(provenance),
          1);
    } catch (IllegalArgumentException e) {
      throw new ExportException(runDir + ": " + e.getMessage(), e);
    }
  }

  private List<String> labels(ObjectNode run, int numClasses) throws ExportException {
    JsonNode labels = run.get("labels");
    if (labels == null || labels.isNull()) {
      return ExportMetadata.indexLabels(numClasses);
    }
    if (!labels.isArray() || labels.size() != numClasses) {
      throw new ExportException(
          file(RUN_FILE)
              + ": 'labels' must be an array of "
              + numClasses
              + " strings (one per class), got "
              + labels);
    }
    List<String> out = new ArrayList<>();
    labels.forEach(l -> out.add(l.asText()));
    return out;
  }

  private static Polarity polarity(ObjectNode run) {
    // the trainer reads the MNIST family (IDX files): light digits or garments on black
    JsonNode dataset = run.get("dataset");
    if (dataset == null || !dataset.isTextual()) {
      return Polarity.LIGHT_ON_DARK;
    }
    return dataset.asText().toLowerCase(Locale.ROOT).contains("mnist")
        ? Polarity.LIGHT_ON_DARK
        : Polarity.ANY;
  }

  private ClassGroups groups(ObjectNode split, int numClasses) throws ExportException {
    String where = file(SPLIT_FILE).toString();
    JsonNode counts = split.get("classCounts");
    if (counts == null || !counts.isArray() || counts.size() != numClasses) {
      throw new ExportException(
          where
              + ": 'classCounts' must be an array of "
              + numClasses
              + " training counts (one per class of the network), got "
              + counts);
    }
    List<Integer> classCounts = new ArrayList<>();
    for (JsonNode n : counts) {
      if (!n.canConvertToInt() || !n.isIntegralNumber()) {
        throw new ExportException(where + ": 'classCounts' holds a non-integer: " + n);
      }
      classCounts.add(n.intValue());
    }
    JsonNode thresholds = split.get("thresholds");
    if (thresholds == null
        || !thresholds.path("tailMax").isIntegralNumber()
        || !thresholds.path("mediumMax").isIntegralNumber()) {
      throw new ExportException(
          where
              + ": 'thresholds' must be {\"tailMax\": n, \"mediumMax\": m},"
              + " got "
              + thresholds);
    }
    ClassGroups groups;
    try {
      groups =
          new ClassGroups(
              new GroupThresholds(
                  thresholds.get("tailMax").intValue(), thresholds.get("mediumMax").intValue()),
              classCounts);
    } catch (IllegalArgumentException e) {
      throw new ExportException(where + ": " + e.getMessage(), e);
    }
    JsonNode recorded = split.get("groups");
    if (recorded != null && recorded.isObject()) {
      for (ClassGroup group : ClassGroup.values()) {
        List<Integer> listed = new ArrayList<>();
        recorded.path(group.id()).forEach(n -> listed.add(n.intValue()));
        if (!listed.equals(groups.classesIn(group))) {
          throw new ExportException(
              where
                  + ": group '"
                  + group.id()
                  + "' lists "
                  + listed
                  + " but the counts and thresholds make it "
                  + groups.classesIn(group));
        }
      }
    }
    return groups;
  }

  private static String metrics(ObjectNode report) {
    ObjectNode metrics = JsonFiles.mapper().createObjectNode();
    for (String field : METRIC_FIELDS) {
      JsonNode value = report.get(field);
      if (value != null && (value.isNumber() || value.isTextual())) {
        metrics.set(field, value);
      }
    }
    return JsonFiles.toJson(metrics);
  }

  private Path file(String name) {
    return runDir.resolve(name);
  }

  private ObjectNode requiredObject(String name) throws ExportException {
    Path file = file(name);
    if (!Files.isRegularFile(file)) {
      throw new ExportException(
          file
              + " is missing: exporting needs the run folder's "
              + RUN_FILE
              + " and "
              + SPLIT_FILE
              + " beside "
              + CHECKPOINT_DIR
              + "/");
    }
    return readObject(file);
  }

  private Optional<ObjectNode> optionalObject(String name) throws ExportException {
    Path file = file(name);
    return Files.isRegularFile(file) ? Optional.of(readObject(file)) : Optional.empty();
  }

  private static ObjectNode readObject(Path file) throws ExportException {
    JsonNode node;
    try {
      node = JsonFiles.mapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new ExportException(file + " is not valid JSON: " + e.getMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new ExportException(file + " must hold a JSON object");
    }
    return (ObjectNode) node;
  }
}
