package dev.resltj.spark;

import dev.resltj.runtime.ClassifierOptions;
import java.io.Serializable;
import java.util.Objects;

/**
 * How {@link ImageScorer} scores: travels to every executor with the task, so it holds the model's
 * location rather than the model.
 *
 * @param model the {@code .onnx} file: a path every executor can read, or a file shipped with
 *     {@code --files} (found by its name in the executor's working folder)
 * @param imageColumn the binary column holding encoded images (PNG, JPEG, BMP or GIF)
 * @param batchSize images per model run inside a partition
 * @param topK classes kept in the {@code top_k} column (capped at the model's class count)
 * @param maxImageSide images declaring a wider or taller size in their header are refused before
 *     decoding and get an error row
 */
public record ScoringOptions(
    String model, String imageColumn, int batchSize, int topK, int maxImageSide)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The column the {@code binaryFile} data source puts the file's bytes in. */
  public static final String BINARY_FILE_CONTENT = "content";

  /**
   * 64 images per run: on a small CNN, larger batches gain little and hold a partition's rows
   * longer.
   */
  public static final int DEFAULT_BATCH_SIZE = 64;

  public static final int DEFAULT_TOP_K = 5;

  /** The runtime refuses images narrower or shorter than this, so no limit can be below it. */
  public static final int MIN_IMAGE_SIDE = 8;

  public ScoringOptions {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(imageColumn, "imageColumn");
    if (model.isBlank()) {
      throw new IllegalArgumentException("model is blank: expected the path of an .onnx file");
    }
    if (imageColumn.isBlank()) {
      throw new IllegalArgumentException("imageColumn is blank: expected a binary column's name");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }
    if (topK < 1) {
      throw new IllegalArgumentException("top-k must be >= 1, got " + topK);
    }
    if (maxImageSide < MIN_IMAGE_SIDE) {
      throw new IllegalArgumentException(
          "maximum image side must be >= " + MIN_IMAGE_SIDE + ", got " + maxImageSide);
    }
  }

  /**
   * The model at {@code model}, images in {@code content}, batches of {@value #DEFAULT_BATCH_SIZE},
   * top {@value #DEFAULT_TOP_K}, the runtime's default size limit.
   */
  public static ScoringOptions of(String model) {
    return new ScoringOptions(
        model,
        BINARY_FILE_CONTENT,
        DEFAULT_BATCH_SIZE,
        DEFAULT_TOP_K,
        ClassifierOptions.DEFAULT_MAX_IMAGE_SIDE);
  }

  public ScoringOptions withImageColumn(String column) {
    return new ScoringOptions(model, column, batchSize, topK, maxImageSide);
  }

  public ScoringOptions withBatchSize(int size) {
    return new ScoringOptions(model, imageColumn, size, topK, maxImageSide);
  }

  public ScoringOptions withTopK(int k) {
    return new ScoringOptions(model, imageColumn, batchSize, k, maxImageSide);
  }

  public ScoringOptions withMaxImageSide(int side) {
    return new ScoringOptions(model, imageColumn, batchSize, topK, side);
  }

  /**
   * The runtime options an executor opens the model with: one intra-op thread, because Spark
   * already runs one task per core and each task calls the shared classifier from its own thread.
   */
  public ClassifierOptions classifierOptions() {
    return ClassifierOptions.builder()
        .intraOpThreads(1)
        .topK(topK)
        .maxImageSize(maxImageSide, maxImageSide)
        .minImageSize(MIN_IMAGE_SIDE)
        .build();
  }
}
