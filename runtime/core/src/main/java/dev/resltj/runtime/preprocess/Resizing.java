package dev.resltj.runtime.preprocess;

import java.util.Arrays;

/**
 * Resizes an image into a {@code height x width} frame without distorting it: scaled so it fits,
 * centred, and padded with a background value. Shrinking averages the source pixels each output
 * pixel covers (no aliasing of thin strokes); enlarging interpolates bilinearly.
 */
public final class Resizing {
  private Resizing() {}

  /**
   * @param background value of the padding (the image's background, so padding looks like paper)
   * @return {@code image} itself when it already has the target size
   */
  public static PixelImage fit(PixelImage image, int height, int width, float background) {
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException("target size must be positive: " + height + "x" + width);
    }
    if (image.height() == height && image.width() == width) {
      return image;
    }
    double scale = Math.min((double) height / image.height(), (double) width / image.width());
    int h = Math.max(1, Math.min(height, (int) Math.round(image.height() * scale)));
    int w = Math.max(1, Math.min(width, (int) Math.round(image.width() * scale)));
    PixelImage scaled = resize(image, h, w);
    return pad(scaled, height, width, (height - h) / 2, (width - w) / 2, background);
  }

  /**
   * Fills a {@code height x width} frame without distorting the image: the largest centred region
   * of the image with the frame's aspect ratio is cut out and resized to the frame, so the shorter
   * side (relative to the frame) fills it and the longer one loses equal margins on both ends. This
   * is how photo classifiers are evaluated (resize, then centre crop); padding would show the model
   * bars of a colour it never saw in training.
   *
   * @return {@code image} itself when it already has the target size
   */
  public static PixelImage fill(PixelImage image, int height, int width) {
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException("target size must be positive: " + height + "x" + width);
    }
    int sh = image.height();
    int sw = image.width();
    if (sh == height && sw == width) {
      return image;
    }
    // compare sw/sh with width/height without rounding: sw * height vs width * sh
    int cropH = sh;
    int cropW = sw;
    if ((long) sw * height > (long) width * sh) {
      cropW = Math.max(1, (int) Math.round((double) sh * width / height));
    } else if ((long) sw * height < (long) width * sh) {
      cropH = Math.max(1, (int) Math.round((double) sw * height / width));
    }
    PixelImage cropped = crop(image, (sh - cropH) / 2, (sw - cropW) / 2, cropH, cropW);
    return resize(cropped, height, width);
  }

  /** The {@code height x width} region of {@code image} whose top-left corner is (top, left). */
  static PixelImage crop(PixelImage image, int top, int left, int height, int width) {
    if (top == 0 && left == 0 && height == image.height() && width == image.width()) {
      return image;
    }
    int c = image.channels();
    float[] src = image.values();
    float[] out = new float[c * height * width];
    for (int ch = 0; ch < c; ch++) {
      for (int y = 0; y < height; y++) {
        System.arraycopy(
            src,
            (ch * image.height() + top + y) * image.width() + left,
            out,
            (ch * height + y) * width,
            width);
      }
    }
    return new PixelImage(c, height, width, out);
  }

  /** Resizes to exactly {@code height x width} (the aspect ratio may change). */
  public static PixelImage resize(PixelImage image, int height, int width) {
    if (image.height() == height && image.width() == width) {
      return image;
    }
    Weights across = Weights.of(image.width(), width);
    Weights down = Weights.of(image.height(), height);
    int c = image.channels();
    int sh = image.height();
    int sw = image.width();
    float[] src = image.values();
    float[] tmp = new float[sh * width];
    float[] out = new float[c * height * width];
    for (int ch = 0; ch < c; ch++) {
      int srcPlane = ch * sh * sw;
      for (int y = 0; y < sh; y++) {
        across.apply(src, srcPlane + y * sw, 1, tmp, y * width, 1);
      }
      int outPlane = ch * height * width;
      for (int x = 0; x < width; x++) {
        down.apply(tmp, x, width, out, outPlane + x, width);
      }
    }
    return new PixelImage(c, height, width, out);
  }

  /**
   * Places {@code image} at ({@code top}, {@code left}) in a frame filled with {@code background}.
   */
  static PixelImage pad(
      PixelImage image, int height, int width, int top, int left, float background) {
    int c = image.channels();
    float[] out = new float[c * height * width];
    Arrays.fill(out, background);
    float[] src = image.values();
    for (int ch = 0; ch < c; ch++) {
      for (int y = 0; y < image.height(); y++) {
        int ty = y + top;
        if (ty < 0 || ty >= height) {
          continue;
        }
        for (int x = 0; x < image.width(); x++) {
          int tx = x + left;
          if (tx >= 0 && tx < width) {
            out[(ch * height + ty) * width + tx] =
                src[(ch * image.height() + y) * image.width() + x];
          }
        }
      }
    }
    return new PixelImage(c, height, width, out);
  }

  /** Per output index: the source indices and weights that make it (one axis). */
  private static final class Weights {
    private final int[] start;
    private final float[][] weights;

    private Weights(int[] start, float[][] weights) {
      this.start = start;
      this.weights = weights;
    }

    static Weights of(int from, int to) {
      int[] start = new int[to];
      float[][] weights = new float[to][];
      double ratio = (double) from / to;
      for (int i = 0; i < to; i++) {
        if (to <= from) {
          // box filter: the exact share of each source pixel inside [i, i + 1) * ratio
          double lo = i * ratio;
          double hi = (i + 1) * ratio;
          int first = (int) Math.floor(lo);
          int last = Math.min(from - 1, (int) Math.ceil(hi) - 1);
          float[] w = new float[last - first + 1];
          for (int s = first; s <= last; s++) {
            w[s - first] = (float) ((Math.min(hi, s + 1) - Math.max(lo, s)) / ratio);
          }
          start[i] = first;
          weights[i] = w;
        } else {
          // bilinear between the two nearest source centres
          double centre = (i + 0.5) * ratio - 0.5;
          int left = (int) Math.floor(centre);
          double frac = centre - left;
          if (left < 0) {
            start[i] = 0;
            weights[i] = new float[] {1f};
          } else if (left >= from - 1) {
            start[i] = from - 1;
            weights[i] = new float[] {1f};
          } else {
            start[i] = left;
            weights[i] = new float[] {(float) (1 - frac), (float) frac};
          }
        }
      }
      return new Weights(start, weights);
    }

    void apply(float[] src, int srcOffset, int srcStride, float[] dst, int dstOffset, int stride) {
      for (int i = 0; i < start.length; i++) {
        float[] w = weights[i];
        int s = srcOffset + start[i] * srcStride;
        float sum = 0;
        for (int k = 0; k < w.length; k++) {
          sum += w[k] * src[s + k * srcStride];
        }
        dst[dstOffset + i * stride] = sum;
      }
    }
  }
}
