package dev.resltj.runtime.preprocess;

/** Maps pixel values 0..255 linearly onto the range the model was trained on. */
public final class ValueRange {
  private ValueRange() {}

  /**
   * @return {@code image} itself when the range is already 0..255
   */
  public static PixelImage map(PixelImage image, float min, float max) {
    if (min == 0f && max == 255f) {
      return image;
    }
    float scale = (max - min) / 255f;
    float[] v = image.values();
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = min + v[i] * scale;
    }
    return new PixelImage(image.channels(), image.height(), image.width(), out);
  }
}
