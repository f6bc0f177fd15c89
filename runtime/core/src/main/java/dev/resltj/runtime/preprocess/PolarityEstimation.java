package dev.resltj.runtime.preprocess;

import dev.resltj.runtime.Polarity;

/**
 * Guesses whether an image is light ink on a dark background or the reverse, from its border: the
 * border of a picture of one object is mostly background. The background is light when the border's
 * mean brightness is above the midpoint of the image's darkest and brightest values.
 */
public final class PolarityEstimation {
  private PolarityEstimation() {}

  /** Border thickness: one pixel per 16 of the shorter side, at least one. */
  static int borderWidth(int height, int width) {
    return Math.max(1, Math.min(height, width) / 16);
  }

  /**
   * The polarity of {@code image}: {@link Polarity#DARK_ON_LIGHT} or {@link
   * Polarity#LIGHT_ON_DARK}, never {@link Polarity#ANY}. A uniform image counts as dark on light
   * when it is brighter than mid-grey (a blank page).
   */
  public static Polarity estimate(PixelImage image) {
    float background = borderMean(image);
    float[] v = image.values();
    int plane = image.height() * image.width();
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (int i = 0; i < plane; i++) {
      float l = brightness(v, i, plane, image.channels());
      min = Math.min(min, l);
      max = Math.max(max, l);
    }
    float midpoint = max - min < 1f ? 127.5f : (min + max) / 2f;
    return background > midpoint ? Polarity.DARK_ON_LIGHT : Polarity.LIGHT_ON_DARK;
  }

  /** Mean brightness of the border pixels: the best estimate of the background value. */
  public static float borderMean(PixelImage image) {
    int h = image.height();
    int w = image.width();
    int t = borderWidth(h, w);
    float[] v = image.values();
    int plane = h * w;
    double sum = 0;
    int count = 0;
    for (int y = 0; y < h; y++) {
      boolean edgeRow = y < t || y >= h - t;
      for (int x = 0; x < w; x++) {
        if (edgeRow || x < t || x >= w - t) {
          sum += brightness(v, y * w + x, plane, image.channels());
          count++;
        }
      }
    }
    return (float) (sum / count);
  }

  private static float brightness(float[] v, int i, int plane, int channels) {
    if (channels == 1) {
      return v[i];
    }
    return 0.299f * v[i] + 0.587f * v[plane + i] + 0.114f * v[2 * plane + i];
  }
}
