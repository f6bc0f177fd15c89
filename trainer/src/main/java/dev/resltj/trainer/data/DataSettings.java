package dev.resltj.trainer.data;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Which training data a run uses: the MNIST folder, the long-tail profile, the split's seed and
 * drawing, the group thresholds, and optionally a {@code split.json} to reuse instead of drawing
 * (its own profile, seed and thresholds then apply, so two runs compare on the very same images and
 * groups).
 */
public record DataSettings(
    Path dataDir,
    LongTailProfile profile,
    long seed,
    boolean withReplacement,
    GroupThresholds thresholds,
    Optional<Path> reuseSplit,
    boolean verifyChecksums) {

  public static final Path DEFAULT_DATA_DIR = Path.of("data", "mnist");

  public DataSettings {
    if (dataDir == null || profile == null || thresholds == null || reuseSplit == null) {
      throw new IllegalArgumentException(
          "data folder, profile, thresholds and split choice are required");
    }
  }

  /** MNIST-LT as the reference: {@code data/mnist}, {@code mnist-lt}, seed 0, groups 100/1000. */
  public static DataSettings mnistLt() {
    return new DataSettings(
        DEFAULT_DATA_DIR,
        new LongTailProfile.MnistLt(),
        0,
        false,
        GroupThresholds.MNIST_LT,
        Optional.empty(),
        true);
  }
}
