package dev.resltj.runtime;

import dev.resltj.runtime.card.ContractJson;
import dev.resltj.runtime.card.Json;
import dev.resltj.runtime.card.JsonValue;
import dev.resltj.runtime.card.JsonValue.JsonArray;
import dev.resltj.runtime.card.JsonValue.JsonNumber;
import dev.resltj.runtime.card.JsonValue.JsonObject;
import dev.resltj.runtime.card.JsonValue.JsonString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * @param dataset the name of the data set the model was trained on ({@code mnist}, ...), when
 *     recorded
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
    Optional<String> dataset,
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
    Objects.requireNonNull(dataset, "dataset");
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
   * The image a model expects: the value of {@link OnnxContract#KEY_INPUT}, written by the trainer
   * with {@link #toJson()} and read by the runtime with {@link #parse(String)}.
   *
   * @param channels 1 (grayscale) or 3 (RGB, in that order)
   * @param height rows
   * @param width columns
   * @param valueMin pixel value of black
   * @param valueMax pixel value of white
   * @param polarity ink and background of the training images
   * @param imageKind drawings may be inverted and centred, photos never
   * @param mean per-channel mean of the training pixels scaled to 0..1; informational, the graph
   *     applies it (empty when not recorded)
   * @param std per-channel standard deviation, as {@code mean}
   */
  public record Input(
      int channels,
      int height,
      int width,
      float valueMin,
      float valueMax,
      Polarity polarity,
      ImageKind imageKind,
      List<Float> mean,
      List<Float> std) {
    private static final String CHANNELS = "channels";
    private static final String HEIGHT = "height";
    private static final String WIDTH = "width";
    private static final String VALUE_MIN = "value_min";
    private static final String VALUE_MAX = "value_max";
    private static final String POLARITY = "polarity";
    private static final String IMAGE_KIND = "image_kind";
    private static final String MEAN = "mean";
    private static final String STD = "std";

    public Input {
      Objects.requireNonNull(polarity, "polarity");
      Objects.requireNonNull(imageKind, "imageKind");
      mean = List.copyOf(mean);
      std = List.copyOf(std);
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
      if (mean.size() != std.size() || !(mean.isEmpty() || mean.size() == channels)) {
        throw new IllegalArgumentException(
            "input mean and std need one value per channel ("
                + channels
                + ") or none, got mean="
                + mean
                + ", std="
                + std);
      }
      for (int c = 0; c < mean.size(); c++) {
        if (!Float.isFinite(mean.get(c)) || !(std.get(c) > 0) || !Float.isFinite(std.get(c))) {
          throw new IllegalArgumentException(
              "input mean must be finite and std positive, got mean=" + mean + ", std=" + std);
        }
      }
    }

    /**
     * An input as models written before image kinds: a {@link ImageKind#DRAWING}, its normalisation
     * not recorded.
     */
    public Input(
        int channels, int height, int width, float valueMin, float valueMax, Polarity polarity) {
      this(
          channels,
          height,
          width,
          valueMin,
          valueMax,
          polarity,
          ImageKind.DRAWING,
          List.of(),
          List.of());
    }

    /** Values per image: channels x height x width. */
    public int size() {
      return channels * height * width;
    }

    /** True for a model trained on photos (never inverted or centred). */
    public boolean isPhoto() {
      return imageKind == ImageKind.PHOTO;
    }

    /** The compact JSON written under {@link OnnxContract#KEY_INPUT}. */
    public String toJson() {
      Map<String, JsonValue> o = new LinkedHashMap<>();
      o.put(CHANNELS, JsonNumber.of((long) channels));
      o.put(HEIGHT, JsonNumber.of((long) height));
      o.put(WIDTH, JsonNumber.of((long) width));
      o.put(VALUE_MIN, JsonNumber.of(valueMin));
      o.put(VALUE_MAX, JsonNumber.of(valueMax));
      o.put(POLARITY, new JsonString(polarity.id()));
      o.put(IMAGE_KIND, new JsonString(imageKind.id()));
      if (!mean.isEmpty()) {
        o.put(MEAN, ContractJson.floatArray(mean));
        o.put(STD, ContractJson.floatArray(std));
      }
      return Json.write(new JsonObject(o));
    }

    /**
     * Reads the value of {@link OnnxContract#KEY_INPUT}. Fields added after the first models are
     * optional: {@code value_min} 0, {@code value_max} 255, {@code polarity} {@code any}, {@code
     * image_kind} {@code drawing}, no {@code mean} and {@code std}.
     *
     * @throws ModelLoadException naming the key and field of the first problem
     */
    public static Input parse(String json) {
      String key = OnnxContract.KEY_INPUT;
      JsonObject o = ContractJson.parseObject(key, json);
      int channels = (int) ContractJson.integer(key, o, CHANNELS);
      int height = (int) ContractJson.integer(key, o, HEIGHT);
      int width = (int) ContractJson.integer(key, o, WIDTH);
      float min =
          o.get(VALUE_MIN).isPresent() ? (float) ContractJson.number(key, o, VALUE_MIN) : 0f;
      float max =
          o.get(VALUE_MAX).isPresent() ? (float) ContractJson.number(key, o, VALUE_MAX) : 255f;
      List<Float> mean =
          o.get(MEAN).isPresent()
              ? ContractJson.floats(key + "." + MEAN, o.get(MEAN).get())
              : List.of();
      List<Float> std =
          o.get(STD).isPresent()
              ? ContractJson.floats(key + "." + STD, o.get(STD).get())
              : List.of();
      try {
        Polarity polarity =
            ContractJson.optionalString(key, o, POLARITY)
                .map(Polarity::fromId)
                .orElse(Polarity.ANY);
        ImageKind kind =
            ContractJson.optionalString(key, o, IMAGE_KIND)
                .map(ImageKind::fromId)
                .orElse(ImageKind.DRAWING);
        return new Input(channels, height, width, min, max, polarity, kind, mean, std);
      } catch (IllegalArgumentException e) {
        throw new ModelLoadException("metadata " + key + ": " + e.getMessage(), e);
      }
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

    private static final String TAIL_MAX = "tail_max";
    private static final String MEDIUM_MAX = "medium_max";

    /** The compact JSON written under {@link OnnxContract#KEY_CLASS_GROUPS}. */
    public String toJson() {
      Map<String, JsonValue> o = new LinkedHashMap<>();
      o.put(TAIL_MAX, JsonNumber.of((long) tailMax));
      o.put(MEDIUM_MAX, JsonNumber.of((long) mediumMax));
      o.put(ClassGroup.HEAD.id(), ContractJson.intArray(head));
      o.put(ClassGroup.MEDIUM.id(), ContractJson.intArray(medium));
      o.put(ClassGroup.TAIL.id(), ContractJson.intArray(tail));
      return Json.write(new JsonObject(o));
    }

    /**
     * Reads the value of {@link OnnxContract#KEY_CLASS_GROUPS} for a model of {@code classes}
     * classes; a group that is absent is empty.
     *
     * @throws ModelLoadException naming the key and field of the first problem
     */
    public static Groups parse(String json, int classes) {
      String key = OnnxContract.KEY_CLASS_GROUPS;
      JsonObject o = ContractJson.parseObject(key, json);
      List<List<Integer>> members = new ArrayList<>();
      for (ClassGroup g : ClassGroup.values()) {
        JsonValue list = o.get(g.id()).orElse(new JsonArray(List.of()));
        List<Integer> indices = ContractJson.ints(key + "." + g.id(), list);
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
        return new Groups(
            (int) ContractJson.integer(key, o, TAIL_MAX),
            (int) ContractJson.integer(key, o, MEDIUM_MAX),
            members.get(0),
            members.get(1),
            members.get(2));
      } catch (IllegalArgumentException e) {
        throw new ModelLoadException("metadata " + key + ": " + e.getMessage(), e);
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

    private static final String DATASET = "dataset";
    private static final String IMAGES = "images";
    private static final String TOP1 = "top1";
    private static final String BALANCED = "balanced";

    /** The compact JSON written under {@link OnnxContract#KEY_METRICS}; absent metrics omitted. */
    public String toJson() {
      Map<String, JsonValue> o = new LinkedHashMap<>();
      o.put(DATASET, new JsonString(dataset));
      o.put(IMAGES, JsonNumber.of(images));
      put(o, TOP1, top1);
      put(o, BALANCED, balanced);
      put(o, ClassGroup.HEAD.id(), head);
      put(o, ClassGroup.MEDIUM.id(), medium);
      put(o, ClassGroup.TAIL.id(), tail);
      return Json.write(new JsonObject(o));
    }

    private static void put(Map<String, JsonValue> o, String field, OptionalDouble value) {
      value.ifPresent(v -> o.put(field, JsonNumber.of(v)));
    }

    /**
     * Reads the value of {@link OnnxContract#KEY_METRICS}; a missing metric is empty, a missing
     * {@code dataset} is {@code unknown}.
     *
     * @throws ModelLoadException naming the key and field of the first problem
     */
    public static Metrics parse(String json) {
      String key = OnnxContract.KEY_METRICS;
      JsonObject o = ContractJson.parseObject(key, json);
      String dataset = ContractJson.optionalString(key, o, DATASET).orElse("unknown");
      long images = o.get(IMAGES).isPresent() ? ContractJson.integer(key, o, IMAGES) : 0;
      try {
        return new Metrics(
            dataset,
            images,
            ContractJson.optionalNumber(key, o, TOP1),
            ContractJson.optionalNumber(key, o, BALANCED),
            ContractJson.optionalNumber(key, o, ClassGroup.HEAD.id()),
            ContractJson.optionalNumber(key, o, ClassGroup.MEDIUM.id()),
            ContractJson.optionalNumber(key, o, ClassGroup.TAIL.id()));
      } catch (IllegalArgumentException e) {
        throw new ModelLoadException("metadata " + key + ": " + e.getMessage(), e);
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
