package dev.resltj.runtime.preprocess;

/**
 * Frames a light-on-dark image the way MNIST was made: the bounding box of the ink is scaled,
 * aspect kept, to fit a box of 20/28 of the frame, then placed so that the ink's centre of mass is
 * at the frame's centre. Hand-drawn or photographed digits rarely sit like that, and a network
 * trained on MNIST has only seen digits that do.
 */
public final class MassCentring {
  /** MNIST's digit box: 20 pixels in a 28-pixel frame. */
  public static final double BOX_FRACTION = 20.0 / 28.0;

  /** Pixels brighter than the background by this share of the brightest ink belong to the ink. */
  static final float INK_THRESHOLD = 0.1f;

  private MassCentring() {}

  /**
   * @param image light ink on a dark background (invert first otherwise)
   * @return a {@code height x width} image; a blank image is only resized
   */
  public static PixelImage centre(PixelImage image, int height, int width) {
    float background = PolarityEstimation.borderMean(image);
    int h = image.height();
    int w = image.width();
    float[] ink = ink(image, background);
    float maxInk = 0;
    for (float v : ink) {
      maxInk = Math.max(maxInk, v);
    }
    if (maxInk < 1f) {
      return Resizing.fit(image, height, width, background);
    }
    float threshold = INK_THRESHOLD * maxInk;
    int top = h;
    int bottom = -1;
    int left = w;
    int right = -1;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (ink[y * w + x] > threshold) {
          top = Math.min(top, y);
          bottom = Math.max(bottom, y);
          left = Math.min(left, x);
          right = Math.max(right, x);
        }
      }
    }
    PixelImage cropped = Resizing.crop(image, top, left, bottom - top + 1, right - left + 1);
    double box = Math.max(1, Math.round(Math.min(height, width) * BOX_FRACTION));
    double scale = box / Math.max(cropped.height(), cropped.width());
    int bh = Math.max(1, (int) Math.round(cropped.height() * scale));
    int bw = Math.max(1, (int) Math.round(cropped.width() * scale));
    PixelImage scaled = Resizing.resize(cropped, bh, bw);

    float[] scaledInk = ink(scaled, background);
    double mass = 0;
    double sumY = 0;
    double sumX = 0;
    for (int y = 0; y < bh; y++) {
      for (int x = 0; x < bw; x++) {
        double m = scaledInk[y * bw + x];
        mass += m;
        sumY += m * (y + 0.5);
        sumX += m * (x + 0.5);
      }
    }
    double comY = mass > 0 ? sumY / mass : bh / 2.0;
    double comX = mass > 0 ? sumX / mass : bw / 2.0;
    // Shift so the centre of mass lands on the frame's centre, but never push ink out of the frame.
    int offsetY = clamp((int) Math.round(height / 2.0 - comY), 0, height - bh);
    int offsetX = clamp((int) Math.round(width / 2.0 - comX), 0, width - bw);
    return Resizing.pad(scaled, height, width, offsetY, offsetX, background);
  }

  /** Per pixel, how much brighter than the background it is (0 for background and darker). */
  static float[] ink(PixelImage image, float background) {
    int plane = image.height() * image.width();
    float[] v = image.values();
    float[] ink = new float[plane];
    for (int i = 0; i < plane; i++) {
      float b =
          image.channels() == 1
              ? v[i]
              : 0.299f * v[i] + 0.587f * v[plane + i] + 0.114f * v[2 * plane + i];
      ink[i] = Math.max(0f, b - background);
    }
    return ink;
  }

  private static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
