package dev.resltj.trainer.training;

import dev.resltj.trainer.data.GroupThresholds;
import dev.resltj.trainer.data.LongTailProfile;

/**
 * Which images a run trains and validates on.
 *
 * @param dataDir the MNIST folder
 * @param profile long-tail profile in its CLI form ({@code mnist-lt}, {@code exp:100}, ...)
 * @param splitFile a {@code split.json} to reuse instead of drawing (its own images, seed and
 *     validation set apply), or {@code null} to draw
 * @param thresholds head/medium/tail limits on the training counts
 * @param withReplacement draw the training images with replacement, as the MNIST reference did
 * @param validationPerClass balanced validation images per class, drawn from the images the profile
 *     did not take
 */
public record SplitSettings(
    String dataDir,
    String profile,
    String splitFile,
    GroupThresholds thresholds,
    boolean withReplacement,
    int validationPerClass) {

  public SplitSettings {
    if (dataDir == null || dataDir.isBlank()) {
      throw new IllegalArgumentException("data folder is required");
    }
    if (thresholds == null) {
      throw new IllegalArgumentException("group thresholds are required");
    }
    LongTailProfile.parse(profile);
    if (validationPerClass < 1 || validationPerClass > 10_000) {
      throw new IllegalArgumentException(
          "validation images per class must be in 1..10000, got " + validationPerClass);
    }
  }
}
