package dev.resltj.trainer.training;

import dev.resltj.trainer.data.DatasetKind;
import dev.resltj.trainer.data.GroupThresholds;
import dev.resltj.trainer.data.LongTailProfile;
import dev.resltj.trainer.data.Normalization;
import dev.resltj.trainer.data.SourceSettings;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which images a run trains, validates and tests on, and how they are shaped.
 *
 * @param dataset the kind of source ({@code mnist} for run folders written before there were
 *     others)
 * @param dataDir the data folder (IDX files, the image folder, or the root of a list's paths)
 * @param trainList {@code --dataset list}: the training list file, else {@code null}
 * @param testList {@code --dataset list}: the test list file, else {@code null}
 * @param valList the validation list file, or {@code null}
 * @param classNames a file of class names, one per line in label order, or {@code null}
 * @param profile long-tail profile in its CLI form ({@code mnist-lt}, {@code exp:100}, {@code
 *     as-is}, ...)
 * @param splitFile a {@code split.json} to reuse instead of drawing (its own images, seed and
 *     validation set apply), or {@code null} to draw
 * @param thresholds head/medium/tail limits on the training counts
 * @param withReplacement draw the training images with replacement, as the MNIST reference did
 * @param validationPerClass balanced validation images per class, drawn from the images the profile
 *     did not take
 * @param validationFraction the share of each training class held out for validation when the
 *     profile takes every image and the data has no validation images of its own
 * @param channels 1 or 3, or {@code null} for the data's own
 * @param imageSize the side images are scaled to, or {@code null} for the data's own (224 when they
 *     differ)
 * @param normalize per-channel mean and std in {@link Normalization}'s CLI form, or {@code null} to
 *     measure them on the training images (the MNIST family uses MNIST's published values)
 * @param skipBadImages count and leave out unreadable images instead of stopping
 * @param loaderThreads image decoding threads for folder and list data
 * @param cacheMegabytes folder and list data: decoded images up to this size are held in memory, a
 *     larger set is decoded from its files batch by batch (0: always from the files)
 */
public record SplitSettings(
    DatasetKind dataset,
    String dataDir,
    String trainList,
    String testList,
    String valList,
    String classNames,
    String profile,
    String splitFile,
    GroupThresholds thresholds,
    boolean withReplacement,
    int validationPerClass,
    double validationFraction,
    Integer channels,
    Integer imageSize,
    String normalize,
    boolean skipBadImages,
    int loaderThreads,
    int cacheMegabytes) {

  /** The default of {@code cacheMegabytes}. */
  public static final int DEFAULT_CACHE_MEGABYTES =
      (int) (SourceSettings.DEFAULT_CACHE_BYTES >> 20);

  public SplitSettings {
    // run.json files from before other data sources hold MNIST runs
    dataset = dataset == null ? DatasetKind.MNIST : dataset;
    loaderThreads = loaderThreads == 0 ? 1 : loaderThreads;
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
    if (!(validationFraction >= 0 && validationFraction <= 0.5)) {
      throw new IllegalArgumentException(
          "--val-fraction must be in [0, 0.5], got " + validationFraction);
    }
    if (normalize != null) {
      Normalization.parse(normalize);
    }
    source(
        dataset,
        dataDir,
        trainList,
        testList,
        valList,
        classNames,
        channels,
        imageSize,
        skipBadImages,
        loaderThreads,
        cacheMegabytes);
  }

  /** The MNIST settings of earlier versions: {@code dataDir}, {@code profile}, and the rest. */
  public static SplitSettings mnist(
      String dataDir,
      String profile,
      String splitFile,
      GroupThresholds thresholds,
      boolean withReplacement,
      int validationPerClass) {
    return new SplitSettings(
        DatasetKind.MNIST,
        dataDir,
        null,
        null,
        null,
        null,
        profile,
        splitFile,
        thresholds,
        withReplacement,
        validationPerClass,
        0.1,
        null,
        null,
        null,
        false,
        1,
        DEFAULT_CACHE_MEGABYTES);
  }

  /** What the data loader needs. */
  public SourceSettings source() {
    return source(
        dataset,
        dataDir,
        trainList,
        testList,
        valList,
        classNames,
        channels,
        imageSize,
        skipBadImages,
        loaderThreads,
        cacheMegabytes);
  }

  private static SourceSettings source(
      DatasetKind dataset,
      String dataDir,
      String trainList,
      String testList,
      String valList,
      String classNames,
      Integer channels,
      Integer imageSize,
      boolean skipBadImages,
      int loaderThreads,
      int cacheMegabytes) {
    if (cacheMegabytes < 0) {
      throw new IllegalArgumentException("--cache-mb must be >= 0, got " + cacheMegabytes);
    }
    return new SourceSettings(
        dataset,
        Path.of(dataDir),
        path(trainList),
        path(testList),
        path(valList),
        path(classNames),
        Optional.ofNullable(channels),
        Optional.ofNullable(imageSize),
        skipBadImages,
        loaderThreads,
        (long) cacheMegabytes << 20);
  }

  private static Optional<Path> path(String p) {
    return p == null ? Optional.empty() : Optional.of(Path.of(p));
  }
}
