package dev.resltj.runtime;

import dev.resltj.runtime.card.JsonValue.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a model says about itself: labels, long-tail groups, the input it expects, how it was
 * trained and how well it scored. Read from the ONNX {@code metadata_props} written by the trainer
 * (keys in {@link OnnxContract}); a plain ONNX classifier without them gets generic labels ({@code
 * class_0}, ...), its input from the graph, and empty optionals.
 *
 * @param labels one label per class index
 * @param groups the head/medium/tail split of the classes, when the model has one
 * @param classCounts training images per class; empty when unknown
 * @param input the image the model expects
 * @param method training method ({@code reslt}, {@code ce}, ...)
 * @param alpha the ResLT alpha (absent for baselines)
 * @param branchStyle {@code paper}, {@code separate} or {@code single}
 * @param metrics test metrics recorded at export
 * @param producer the ONNX producer fields
 * @param runConfig the training run configuration (empty when absent)
 * @param split the long-tailed split: profile, seed, per-class counts (empty when absent)
 * @param provenance versions, machine, data hashes, time (empty when absent)
 * @param metadata every {@code metadata_props} entry as written, including keys we do not know
 */
public record ModelCard(
    List<String> labels,
    Optional<Groups> groups,
    List<Integer> classCounts,
    Input input,
    Optional<String> method,
    OptionalDouble alpha,
    Optional<String> branchStyle,
    Optional<Metrics> metrics,
    Producer producer,
    JsonObject runConfig,
    JsonObject split,
    JsonObject provenance,
    Map<String, String> metadata) {

  public ModelCard {
    labels = List.copyOf(labels);
    classCounts = List.copyOf(classCounts);
    metadata = Map.copyOf(metadata);
    Objects.requireNonNull(groups, "groups");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(alpha, "alpha");
    Objects.requireNonNull(branchStyle, "branchStyle");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(producer, "producer");
    Objects.requireNonNull(runConfig, "runConfig");
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(provenance, "provenance");
    if (labels.isEmpty()) {
      throw new IllegalArgumentException("a model card needs at least one class label");
    }
    if (!classCounts.isEmpty() && classCounts.size() != labels.size()) {
      throw new IllegalArgumentException(
          classCounts.size() + " class counts for " + labels.size() + " labels");
    }
    if (groups.isPresent()) {
      for (int index : groups.get().allIndices()) {
        if (index >= labels.size()) {
          throw new IllegalArgumentException(
              "class group refers to class " + index + " but there are " + labels.size());
        }
      }
    }
  }

  /** Number of classes. */
  public int classCount() {
    return labels.size();
  }

  /** The group of class {@code index}, when the model has groups. */
  public Optional<ClassGroup> groupOf(int index) {
    return groups.flatMap(g -> g.groupOf(index));
  }

  /** True when the model carries the ResLT-J metadata (and not just the graph). */
  public boolean hasResltMetadata() {
    return metadata.containsKey(OnnxContract.KEY_LABELS)
        || metadata.containsKey(OnnxContract.KEY_INPUT);
  }

  /**
   * The image a model expects.
   *
   * @param channels 1 (grayscale) or 3 (RGB)
   * @param height rows
   * @param width columns
   * @param valueMin pixel value of black
   * @param valueMax pixel value of white
   * @param polarity ink and background of the training images
   */
  public record Input(
      int channels, int height, int width, float valueMin, float valueMax, Polarity polarity) {
    public Input {
      Objects.requireNonNull(polarity, "polarity");
      if (channels != 1 && channels != 3) {
        throw new IllegalArgumentException(
            "input channels must be 1 (grayscale) or 3 (RGB), got " + channels);
      }
      if (height < 1 || width < 1) {
        throw new IllegalArgumentException(
            "input height and width must be positive, got " + height + "x" + width);
      }
      if (!Float.isFinite(valueMin) || !Float.isFinite(valueMax) || !(valueMax > valueMin)) {
        throw new IllegalArgumentException(
            "input value range must be finite with min < max, got " + valueMin + ".." + valueMax);
      }
    }

    /** Values per image: channels x height x width. */
    public int size() {
      return channels * height * width;
    }
  }

  /**
   * Which classes are head, medium and tail, and the training-count thresholds that decided it.
   *
   * @param tailMax classes with at most this many training images are tail
   * @param mediumMax classes with more than {@code tailMax} and at most this many are medium
   */
  public record Groups(
      int tailMax, int mediumMax, List<Integer> head, List<Integer> medium, List<Integer> tail) {
    public Groups {
      head = List.copyOf(head);
      medium = List.copyOf(medium);
      tail = List.copyOf(tail);
      if (tailMax < 0 || mediumMax < tailMax) {
        throw new IllegalArgumentException(
            "group thresholds must satisfy 0 <= tail_max <= medium_max, got tail_max="
                + tailMax
                + ", medium_max="
                + mediumMax);
      }
      List<Integer> all = new ArrayList<>(head);
      all.addAll(medium);
      all.addAll(tail);
      if (all.stream().distinct().count() != all.size()) {
        throw new IllegalArgumentException("a class is in more than one group: " + all);
      }
      for (int index : all) {
        if (index < 0) {
          throw new IllegalArgumentException("class indices must be >= 0, got " + index);
        }
      }
    }

    public Optional<ClassGroup> groupOf(int index) {
      if (head.contains(index)) {
        return Optional.of(ClassGroup.HEAD);
      }
      if (medium.contains(index)) {
        return Optional.of(ClassGroup.MEDIUM);
      }
      if (tail.contains(index)) {
        return Optional.of(ClassGroup.TAIL);
      }
      return Optional.empty();
    }

    List<Integer> allIndices() {
      List<Integer> all = new ArrayList<>(head);
      all.addAll(medium);
      all.addAll(tail);
      return all;
    }
  }

  /**
   * Test metrics recorded at export, as fractions in [0, 1].
   *
   * @param dataset the evaluation set ({@code mnist-test})
   * @param images images evaluated
   * @param top1 overall top-1 accuracy
   * @param balanced mean per-class accuracy
   */
  public record Metrics(
      String dataset,
      long images,
      OptionalDouble top1,
      OptionalDouble balanced,
      OptionalDouble head,
      OptionalDouble medium,
      OptionalDouble tail) {
    public Metrics {
      Objects.requireNonNull(dataset, "dataset");
      for (OptionalDouble v : List.of(top1, balanced, head, medium, tail)) {
        if (v.isPresent() && !(v.getAsDouble() >= 0 && v.getAsDouble() <= 1)) {
          throw new IllegalArgumentException(
              "metrics are fractions in [0, 1], got " + v.getAsDouble());
        }
      }
      if (images < 0) {
        throw new IllegalArgumentException("images must be >= 0, got " + images);
      }
    }
  }

  /**
   * The ONNX model's own producer fields.
   *
   * @param name {@code producer_name}
   * @param version {@code producer_version}
   * @param description {@code doc_string}
   * @param modelVersion {@code model_version}
   * @param domain {@code domain}
   * @param graphName the graph's name
   */
  public record Producer(
      String name,
      String version,
      String description,
      long modelVersion,
      String domain,
      String graphName) {
    public Producer {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(domain, "domain");
      Objects.requireNonNull(graphName, "graphName");
    }
  }
}
