package dev.resltj.trainer.data;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Which images to read and how to shape them, before any split: the kind of source and its files,
 * the channels and size the network takes (empty: from the data), what to do with bad images, and
 * the decoding threads and memory an image folder may use.
 *
 * @param cacheBytes decoded training images up to this many bytes are held in memory; a larger set
 *     is decoded from its files every epoch
 */
public record SourceSettings(
    DatasetKind kind,
    Path dataDir,
    Optional<Path> trainList,
    Optional<Path> testList,
    Optional<Path> valList,
    Optional<Path> classNamesFile,
    Optional<Integer> channels,
    Optional<Integer> imageSize,
    boolean skipBadImages,
    int decodeThreads,
    long cacheBytes) {

  /** 256 MiB: CIFAR-size sets (50,000 x 3x32x32 = 150 MB) stay decoded, ImageNet-LT streams. */
  public static final long DEFAULT_CACHE_BYTES = 256L << 20;

  /** The size of images that differ in size, when none is asked for. */
  public static final int DEFAULT_IMAGE_SIZE = 224;

  public SourceSettings {
    if (kind == null || dataDir == null) {
      throw new IllegalArgumentException("the data set kind and folder are required");
    }
    if (kind == DatasetKind.LIST && (trainList.isEmpty() || testList.isEmpty())) {
      throw new IllegalArgumentException(
          "--dataset list needs --train-list and --test-list (lines 'relative/path label',"
              + " paths relative to --data-dir)");
    }
    if (kind != DatasetKind.LIST
        && (trainList.isPresent() || testList.isPresent() || valList.isPresent())) {
      throw new IllegalArgumentException(
          "--train-list, --test-list and --val-list belong to --dataset list, not " + kind.id());
    }
    if (kind.idx() && classNamesFile.isPresent()) {
      throw new IllegalArgumentException(
          "--class-names belongs to --dataset list; " + kind.id() + " names its classes itself");
    }
    channels.ifPresent(
        c -> {
          if (c != 1 && c != 3) {
            throw new IllegalArgumentException("--channels must be 1 or 3, got " + c);
          }
        });
    imageSize.ifPresent(
        s -> {
          if (s < 8 || s > 1024) {
            throw new IllegalArgumentException("--image-size must be in 8..1024, got " + s);
          }
        });
    if (kind.idx() && (channels.orElse(1) != 1 || imageSize.orElse(28) != 28)) {
      throw new IllegalArgumentException(
          kind.id()
              + " images are 1 channel of 28x28; --channels and --image-size apply to"
              + " folder and list data");
    }
    if (decodeThreads < 1 || decodeThreads > 64) {
      throw new IllegalArgumentException("--loader-threads must be in 1..64, got " + decodeThreads);
    }
    if (cacheBytes < 0) {
      throw new IllegalArgumentException("cache size must be >= 0, got " + cacheBytes);
    }
  }

  /** The MNIST family from {@code dataDir}, everything else by default. */
  public static SourceSettings idx(DatasetKind kind, Path dataDir) {
    return new SourceSettings(
        kind,
        dataDir,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false,
        1,
        DEFAULT_CACHE_BYTES);
  }
}
