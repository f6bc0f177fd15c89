package dev.resltj.runtime.preprocess;

/** Swaps light and dark: {@code 255 - v} for every value. */
public final class Inversion {
  private Inversion() {}

  public static PixelImage invert(PixelImage image) {
    float[] v = image.values();
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = 255f - v[i];
    }
    return new PixelImage(image.channels(), image.height(), image.width(), out);
  }
}
