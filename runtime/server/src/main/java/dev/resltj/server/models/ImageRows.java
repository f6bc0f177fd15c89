package dev.resltj.server.models;

import java.util.Objects;

/**
 * One request's images as rows of the model's input tensor: {@code count} images of {@code C x H x
 * W} values each, back to back. Owns its array: callers hand it over and do not touch it again.
 */
public final class ImageRows {
  private final float[] values;
  private final int count;

  private ImageRows(float[] values, int count) {
    this.values = values;
    this.count = count;
  }

  /**
   * Takes ownership of {@code values} (not copied: tensors are large and built for this call).
   *
   * @param imageSize values per image
   */
  public static ImageRows of(float[] values, int count, int imageSize) {
    Objects.requireNonNull(values, "values");
    if (count < 1 || imageSize < 1 || (long) count * imageSize != values.length) {
      throw new IllegalArgumentException(
          values.length + " values are not " + count + " images of " + imageSize + " values");
    }
    return new ImageRows(values, count);
  }

  /** Number of images. */
  public int count() {
    return count;
  }

  int length() {
    return values.length;
  }

  void copyTo(float[] target, int offset) {
    System.arraycopy(values, 0, target, offset, values.length);
  }

  /** The values themselves, for a run of this request alone (never modified by the run). */
  float[] values() {
    return values;
  }
}
