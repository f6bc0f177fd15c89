package dev.resltj.runtime.preprocess;

import java.util.Arrays;

/**
 * Pixels as floats in channel-major order ({@code [channel][row][column]}, the layout of one image
 * in an {@code [N, C, H, W]} tensor), values 0..255. The preprocessing steps pass these along;
 * instances are never modified after construction.
 */
public final class PixelImage {
  private final int channels;
  private final int height;
  private final int width;
  private final float[] data;

  // No copy: only the steps of this package construct from arrays they own.
  PixelImage(int channels, int height, int width, float[] data) {
    if (channels < 1 || height < 1 || width < 1) {
      throw new IllegalArgumentException(
          "pixel image needs positive dimensions, got " + channels + "x" + height + "x" + width);
    }
    if (data.length != channels * height * width) {
      throw new IllegalArgumentException(
          data.length + " values for a " + channels + "x" + height + "x" + width + " image");
    }
    this.channels = channels;
    this.height = height;
    this.width = width;
    this.data = data;
  }

  /** Copies {@code data} ({@code [channel][row][column]}) into a new image. */
  public static PixelImage of(int channels, int height, int width, float[] data) {
    return new PixelImage(channels, height, width, data.clone());
  }

  public int channels() {
    return channels;
  }

  public int height() {
    return height;
  }

  public int width() {
    return width;
  }

  /** The value at {@code channel}, {@code row}, {@code column}. */
  public float get(int channel, int row, int column) {
    return data[(channel * height + row) * width + column];
  }

  /** A copy of all values, {@code [channel][row][column]}. */
  public float[] toArray() {
    return data.clone();
  }

  /** Copies all values into {@code target} from {@code offset} on. */
  public void copyTo(float[] target, int offset) {
    System.arraycopy(data, 0, target, offset, data.length);
  }

  /** The backing array, for the steps of this package only: never modify it. */
  float[] values() {
    return data;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PixelImage p
        && p.channels == channels
        && p.height == height
        && p.width == width
        && Arrays.equals(p.data, data);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(data) * 31 + (channels * 31 + height) * 31 + width;
  }

  @Override
  public String toString() {
    return "PixelImage[" + channels + "x" + height + "x" + width + "]";
  }
}
