package dev.resltj.runtime;

/**
 * The names that make an {@code .onnx} file a ResLT-J model: tensor names and {@code
 * metadata_props} keys. The trainer writes them and the runtime reads them, both from here, so the
 * two sides cannot drift apart. The full contract, with value formats, is in {@code
 * docs/onnx-contract.md}.
 */
public final class OnnxContract {
  private OnnxContract() {}

  /** Opset the exporter declares. */
  public static final int OPSET = 17;

  /** ONNX IR version the exporter writes. */
  public static final int IR_VERSION = 8;

  // ---- tensors ----

  /**
   * Input: float32 {@code [batch, channels, height, width]}, raw pixel values (0..255 for MNIST).
   */
  public static final String INPUT_IMAGE = "image";

  /** Output: fused logits {@code [batch, classes]} (for ResLT the sum of the three branches). */
  public static final String OUTPUT_LOGITS = "logits";

  /** Output: softmax of {@link #OUTPUT_LOGITS}. */
  public static final String OUTPUT_PROBABILITIES = "probabilities";

  /** Output (ResLT networks only): logits of the branch trained on all classes. */
  public static final String OUTPUT_LOGITS_HMT = "logits_hmt";

  /** Output (ResLT networks only): logits of the branch trained on medium and tail classes. */
  public static final String OUTPUT_LOGITS_MT = "logits_mt";

  /** Output (ResLT networks only): logits of the branch trained on tail classes. */
  public static final String OUTPUT_LOGITS_T = "logits_t";

  // ---- metadata_props keys (values are JSON where structured) ----

  /** JSON array of strings: one label per class index. */
  public static final String KEY_LABELS = "reslt.labels";

  /** JSON array of integers: training images per class. */
  public static final String KEY_CLASS_COUNTS = "reslt.class_counts";

  /**
   * JSON object {@code {"tail_max": 100, "medium_max": 1000, "head": [..], "medium": [..], "tail":
   * [..]}}: class indices per group and the count thresholds that made them.
   */
  public static final String KEY_CLASS_GROUPS = "reslt.class_groups";

  /**
   * JSON object {@code {"channels": 1, "height": 28, "width": 28, "value_min": 0, "value_max": 255,
   * "polarity": "light_on_dark", "image_kind": "drawing", "mean": [0.1307], "std": [0.3081]}}: see
   * {@link ModelCard.Input} (fields after {@code polarity} are optional; older models lack them).
   */
  public static final String KEY_INPUT = "reslt.input";

  /** String: the name of the data set the model was trained on ({@code mnist}, ...). */
  public static final String KEY_DATASET = "reslt.dataset";

  /** String: training method ({@code reslt}, {@code ce}, ...). */
  public static final String KEY_METHOD = "reslt.method";

  /** Number as text: the ResLT alpha; absent for baselines. */
  public static final String KEY_ALPHA = "reslt.alpha";

  /** String: {@code paper}, {@code separate}, or {@code single} for one-classifier baselines. */
  public static final String KEY_BRANCH_STYLE = "reslt.branch_style";

  /**
   * JSON object of test metrics, fractions in [0, 1]: {@code {"dataset": "mnist-test", "images":
   * 10000, "top1": .., "balanced": .., "head": .., "medium": .., "tail": ..}}.
   */
  public static final String KEY_METRICS = "reslt.metrics";

  /** JSON object: the run configuration ({@code run.json}) the model was trained with. */
  public static final String KEY_RUN_CONFIG = "reslt.run_config";

  /** JSON object: the split ({@code profile}, {@code seed}, per-class counts), without indices. */
  public static final String KEY_SPLIT = "reslt.split";

  /** JSON object: producer, library versions, JVM, OS, CPU, creation time, data file hashes. */
  public static final String KEY_PROVENANCE = "reslt.provenance";
}
