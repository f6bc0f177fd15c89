package dev.resltj.trainer.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.resltj.runtime.ClassGroup;
import dev.resltj.runtime.ImageKind;
import dev.resltj.runtime.ModelCard;
import dev.resltj.runtime.Polarity;
import dev.resltj.trainer.data.ClassGroups;
import dev.resltj.trainer.data.DatasetDescription;
import dev.resltj.trainer.data.DatasetKind;
import dev.resltj.trainer.data.GroupThresholds;
import dev.resltj.trainer.evaluation.ReportWriter;
import dev.resltj.trainer.model.ModelCheckpoint;
import dev.resltj.trainer.model.NetworkSpec;
import dev.resltj.trainer.storage.JsonFiles;
import dev.resltj.trainer.storage.RunFolderLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * A finished run as the exporter reads it: what its folder ({@code runs/NAME/}) says about the
 * model, read as plain JSON trees, so the exporter depends on the files' documented fields, not on
 * the classes that wrote them.
 */
final class TrainedRun {
  /** {@code run.json}'s optional description of its data (absent: MNIST, as before sources). */
  static final String DATASET_FIELD = "dataset";

  static final String IMAGE_KIND_FIELD = "imageKind";
  static final String POLARITY_FIELD = "polarity";

  final Path runDir;
  final Path checkpointDir;

  private TrainedRun(Path runDir, Path checkpointDir) {
    this.runDir = runDir;
    this.checkpointDir = checkpointDir;
  }

  /** Accepts the run folder or its {@code checkpoint/} folder. */
  static TrainedRun at(Path dir) throws ExportException {
    Path folder = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(folder)) {
      throw new ExportException(
          dir
              + " is not a folder: expected a run folder (runs/NAME) or its "
              + RunFolderLayout.CHECKPOINT_DIR
              + " folder");
    }
    if (Files.exists(folder.resolve(ModelCheckpoint.NETWORK_FILE))) {
      return new TrainedRun(folder.getParent(), folder);
    }
    if (Files.isDirectory(folder.resolve(RunFolderLayout.CHECKPOINT_DIR))
        || Files.exists(folder.resolve(RunFolderLayout.RUN_FILE))) {
      // the epoch the run chose on validation, not merely its last
      Path model = ModelCheckpoint.locateModel(folder);
      return new TrainedRun(
          folder, model.equals(folder) ? folder.resolve(RunFolderLayout.CHECKPOINT_DIR) : model);
    }
    throw new ExportException(
        dir
            + " is neither a run folder (with "
            + RunFolderLayout.RUN_FILE
            + " and "
            + RunFolderLayout.CHECKPOINT_DIR
            + "/) nor a checkpoint folder (with "
            + ModelCheckpoint.NETWORK_FILE
            + ")");
  }

  /** The metadata of this run's model; {@code spec} is the checkpoint's network. */
  ExportMetadata metadata(NetworkSpec spec) throws ExportException {
    ObjectNode run = requiredObject(RunFolderLayout.RUN_FILE);
    ObjectNode split = requiredObject(RunFolderLayout.SPLIT_FILE);
    ClassGroups groups = groups(split, spec.numClasses());

    String method = run.hasNonNull("method") ? run.get("method").asText() : "unknown";
    OptionalDouble alpha = OptionalDouble.empty();
    // alpha means something only for the three-branch ResLT head
    if (spec.head().isReslt() && run.hasNonNull("alpha")) {
      JsonNode a = run.get("alpha");
      if (!a.isNumber()) {
        throw new ExportException(
            file(RunFolderLayout.RUN_FILE) + ": 'alpha' must be a number, got " + a);
      }
      alpha = OptionalDouble.of(a.asDouble());
    }
    ObjectNode splitWithoutIndices = split.deepCopy();
    splitWithoutIndices.remove("indices");
    splitWithoutIndices.remove("validationIndices");

    Optional<ObjectNode> report = optionalObject(ReportWriter.REPORT_JSON);
    Optional<ModelCard.Metrics> metrics =
        report.isPresent() ? Optional.of(metrics(report.get())) : Optional.empty();
    Optional<DatasetDescription> description = description();
    String dataset = description.isPresent() ? description.get().name() : dataset(run);
    ObjectNode provenance =
        optionalObject(RunFolderLayout.PROVENANCE_FILE)
            .map(ExportProvenance::merged)
            .orElseGet(ExportProvenance::ofThisProcess);
    try {
      return new ExportMetadata(
          labels(run, spec.numClasses()),
          groups,
          method,
          alpha,
          dataset,
          description.isPresent() ? description.get().style().imageKind() : imageKind(run, dataset),
          description.isPresent() ? description.get().style().polarity() : polarity(run, dataset),
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
          file(RunFolderLayout.RUN_FILE)
              + ": 'labels' must be an array of "
              + numClasses
              + " strings (one per class), got "
              + labels);
    }
    List<String> out = new ArrayList<>();
    labels.forEach(l -> out.add(l.asText()));
    return out;
  }

  /** {@code dataset.json}, written by runs since data sources came; absent in older folders. */
  private Optional<DatasetDescription> description() throws ExportException {
    Path file = file(RunFolderLayout.DATASET_FILE);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JsonFiles.read(file, DatasetDescription.class));
    } catch (IOException e) {
      throw new ExportException(e.getMessage(), e);
    }
  }

  private String dataset(ObjectNode run) throws ExportException {
    JsonNode dataset = run.get(DATASET_FIELD);
    if (dataset == null || dataset.isNull()) {
      // runs between data sources and dataset.json name their kind only in the data settings
      JsonNode kind = run.path("data").path(DATASET_FIELD);
      if (!kind.isTextual()) {
        return ExportMetadata.MNIST;
      }
      try {
        DatasetKind known = DatasetKind.fromId(kind.asText());
        return known.publishedName().orElse(known.id());
      } catch (IllegalArgumentException e) {
        throw new ExportException(
            file(RunFolderLayout.RUN_FILE) + ": 'data." + DATASET_FIELD + "': " + e.getMessage());
      }
    }
    if (!dataset.isTextual() || dataset.asText().isBlank()) {
      throw new ExportException(
          file(RunFolderLayout.RUN_FILE)
              + ": '"
              + DATASET_FIELD
              + "' must be the data set's name, got "
              + dataset);
    }
    return dataset.asText();
  }

  /** The MNIST family (IDX files) are light drawings on black; other data are photos. */
  private static boolean mnistFamily(String dataset) {
    return dataset.toLowerCase(Locale.ROOT).contains(ExportMetadata.MNIST);
  }

  private ImageKind imageKind(ObjectNode run, String dataset) throws ExportException {
    ImageKind guess = mnistFamily(dataset) ? ImageKind.DRAWING : ImageKind.PHOTO;
    return idField(run, IMAGE_KIND_FIELD, ImageKind::fromId, guess);
  }

  private Polarity polarity(ObjectNode run, String dataset) throws ExportException {
    Polarity guess = mnistFamily(dataset) ? Polarity.LIGHT_ON_DARK : Polarity.ANY;
    return idField(run, POLARITY_FIELD, Polarity::fromId, guess);
  }

  /**
   * An optional id field of run.json, read by {@code fromId}; {@code absent} when it is missing.
   */
  private <T> T idField(ObjectNode run, String field, Function<String, T> fromId, T absent)
      throws ExportException {
    JsonNode value = run.get(field);
    if (value == null || value.isNull()) {
      return absent;
    }
    try {
      return fromId.apply(value.asText());
    } catch (IllegalArgumentException e) {
      throw new ExportException(
          file(RunFolderLayout.RUN_FILE) + ": '" + field + "': " + e.getMessage());
    }
  }

  private ClassGroups groups(ObjectNode split, int numClasses) throws ExportException {
    String where = file(RunFolderLayout.SPLIT_FILE).toString();
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

  /** The test metrics of {@code report.json}; a metric it lacks (or left null) stays absent. */
  private ModelCard.Metrics metrics(ObjectNode report) throws ExportException {
    JsonNode dataset = report.get("dataset");
    try {
      return new ModelCard.Metrics(
          dataset != null && dataset.isTextual() ? dataset.asText() : "unknown",
          report.path("images").asLong(0),
          fraction(report, "top1"),
          fraction(report, "balanced"),
          fraction(report, ClassGroup.HEAD.id()),
          fraction(report, ClassGroup.MEDIUM.id()),
          fraction(report, ClassGroup.TAIL.id()));
    } catch (IllegalArgumentException e) {
      throw new ExportException(file(ReportWriter.REPORT_JSON) + ": " + e.getMessage(), e);
    }
  }

  private static OptionalDouble fraction(ObjectNode report, String field) {
    JsonNode value = report.get(field);
    return value != null && value.isNumber()
        ? OptionalDouble.of(value.asDouble())
        : OptionalDouble.empty();
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
              + RunFolderLayout.RUN_FILE
              + " and "
              + RunFolderLayout.SPLIT_FILE
              + " beside "
              + RunFolderLayout.CHECKPOINT_DIR
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
