package dev.resltj.trainer.data;

import java.util.Random;

/**
 * Applies an {@link Augmentation} to float images in place. Holds one image of scratch space, so it
 * is allocation-free per image and not thread-safe (one per loader thread).
 */
public final class Augmenter {
  private final Augmentation settings;
  private final int channels;
  private final int height;
  private final int width;
  private final float[] scratch;

  public Augmenter(Augmentation settings, int channels, int height, int width) {
    if (channels < 1 || height < 1 || width < 1) {
      throw new IllegalArgumentException(
          "image shape must be positive, got " + channels + "x" + height + "x" + width);
    }
    this.settings = settings;
    this.channels = channels;
    this.height = height;
    this.width = width;
    this.scratch = new float[channels * height * width];
  }

  public Augmentation settings() {
    return settings;
  }

  /** Augments the image {@code [C, H, W]} starting at {@code offset} of {@code image}. */
  public void apply(float[] image, int offset, Random rng) {
    int k = settings.maxShift();
    int dx = k == 0 ? 0 : rng.nextInt(2 * k + 1) - k;
    int dy = k == 0 ? 0 : rng.nextInt(2 * k + 1) - k;
    double maxDeg = settings.maxRotationDegrees();
    double degrees = maxDeg == 0 ? 0 : (rng.nextDouble() * 2 - 1) * maxDeg;
    transform(image, offset, dx, dy, degrees);
    // drawn after the shift and rotation, so those stay the draws of runs made before crops
    if (settings.minCropScale() > 0) {
      randomResizedCrop(image, offset, rng);
    }
    if (settings.flip() && rng.nextBoolean()) {
      flipHorizontally(image, offset);
    }
  }

  /**
   * torchvision's RandomResizedCrop on the decoded image: up to ten tries at an area of {@code
   * minCropScale..1} and a log-uniform aspect ratio of 3/4..4/3; when none fits, the whole image.
   * The crop is stretched back to the full size bilinearly.
   */
  private void randomResizedCrop(float[] image, int offset, Random rng) {
    double area = (double) height * width;
    double logLow = Math.log(3.0 / 4);
    double logHigh = Math.log(4.0 / 3);
    int cropW = width;
    int cropH = height;
    int top = 0;
    int left = 0;
    for (int attempt = 0; attempt < 10; attempt++) {
      double target =
          area * (settings.minCropScale() + rng.nextDouble() * (1 - settings.minCropScale()));
      double ratio = Math.exp(logLow + rng.nextDouble() * (logHigh - logLow));
      int w = (int) Math.round(Math.sqrt(target * ratio));
      int h = (int) Math.round(Math.sqrt(target / ratio));
      if (w > 0 && h > 0 && w <= width && h <= height) {
        cropW = w;
        cropH = h;
        top = rng.nextInt(height - h + 1);
        left = rng.nextInt(width - w + 1);
        break;
      }
    }
    if (cropW == width && cropH == height) {
      return;
    }
    int plane = height * width;
    System.arraycopy(image, offset, scratch, 0, channels * plane);
    float scaleX = (float) cropW / width;
    float scaleY = (float) cropH / height;
    for (int y = 0; y < height; y++) {
      // pixel centres map onto pixel centres, as align_corners=False does
      float sy = Math.max(0f, Math.min(cropH - 1f, (y + 0.5f) * scaleY - 0.5f)) + top;
      int y0 = (int) sy;
      int y1 = Math.min(y0 + 1, top + cropH - 1);
      float fy = sy - y0;
      for (int x = 0; x < width; x++) {
        float sx = Math.max(0f, Math.min(cropW - 1f, (x + 0.5f) * scaleX - 0.5f)) + left;
        int x0 = (int) sx;
        int x1 = Math.min(x0 + 1, left + cropW - 1);
        float fx = sx - x0;
        for (int c = 0; c < channels; c++) {
          int base = c * plane;
          float a = scratch[base + y0 * width + x0];
          float b = scratch[base + y0 * width + x1];
          float d = scratch[base + y1 * width + x0];
          float e = scratch[base + y1 * width + x1];
          float row0 = a + (b - a) * fx;
          float row1 = d + (e - d) * fx;
          image[offset + base + y * width + x] = row0 + (row1 - row0) * fy;
        }
      }
    }
  }

  private void flipHorizontally(float[] image, int offset) {
    for (int c = 0; c < channels; c++) {
      for (int y = 0; y < height; y++) {
        int row = offset + (c * height + y) * width;
        for (int i = 0, j = width - 1; i < j; i++, j--) {
          float t = image[row + i];
          image[row + i] = image[row + j];
          image[row + j] = t;
        }
      }
    }
  }

  /** Shifts by {@code (dx, dy)} pixels, then rotates by {@code degrees} about the centre. */
  void transform(float[] image, int offset, int dx, int dy, double degrees) {
    if (degrees == 0) {
      if (dx != 0 || dy != 0) {
        shift(image, offset, dx, dy);
      }
      return;
    }
    int size = channels * height * width;
    System.arraycopy(image, offset, scratch, 0, size);
    double rad = Math.toRadians(degrees);
    float cos = (float) Math.cos(rad);
    float sin = (float) Math.sin(rad);
    float cx = (width - 1) / 2f;
    float cy = (height - 1) / 2f;
    int plane = height * width;
    for (int y = 0; y < height; y++) {
      // inverse map: output (x, y) reads the source at R(-angle) * (p - centre) + centre - shift
      float v = y - cy;
      float u0 = -cx;
      float sx = cos * u0 + sin * v + cx - dx;
      float sy = -sin * u0 + cos * v + cy - dy;
      for (int x = 0; x < width; x++, sx += cos, sy -= sin) {
        // floor for values above -2; anything lower is outside the image either way
        int x0 = (int) (sx + 2f) - 2;
        int y0 = (int) (sy + 2f) - 2;
        int out = offset + y * width + x;
        float fx = sx - x0;
        float fy = sy - y0;
        if (x0 >= 0 && y0 >= 0 && x0 < width - 1 && y0 < height - 1) {
          for (int c = 0, base = y0 * width + x0; c < channels; c++, base += plane) {
            float p00 = scratch[base];
            float p01 = scratch[base + 1];
            float p10 = scratch[base + width];
            float p11 = scratch[base + width + 1];
            float a = p00 + (p01 - p00) * fx;
            float b = p10 + (p11 - p10) * fx;
            image[out + c * plane] = a + (b - a) * fy;
          }
        } else if (x0 < -1 || y0 < -1 || x0 >= width || y0 >= height) {
          for (int c = 0; c < channels; c++) {
            image[out + c * plane] = 0;
          }
        } else {
          edge(image, out, x0, y0, fx, fy);
        }
      }
    }
  }

  /** Bilinear read where some of the four neighbours lie outside the image (they count as 0). */
  private void edge(float[] image, int out, int x0, int y0, float fx, float fy) {
    int plane = height * width;
    boolean left = x0 >= 0;
    boolean right = x0 + 1 < width;
    boolean top = y0 >= 0;
    boolean bottom = y0 + 1 < height;
    for (int c = 0; c < channels; c++) {
      int base = c * plane + y0 * width + x0;
      float p00 = top && left ? scratch[base] : 0;
      float p01 = top && right ? scratch[base + 1] : 0;
      float p10 = bottom && left ? scratch[base + width] : 0;
      float p11 = bottom && right ? scratch[base + width + 1] : 0;
      float a = p00 + (p01 - p00) * fx;
      float b = p10 + (p11 - p10) * fx;
      image[out + c * plane] = a + (b - a) * fy;
    }
  }

  private void shift(float[] image, int offset, int dx, int dy) {
    int plane = height * width;
    System.arraycopy(image, offset, scratch, 0, channels * plane);
    for (int c = 0; c < channels; c++) {
      for (int y = 0; y < height; y++) {
        int out = offset + c * plane + y * width;
        int sy = y - dy;
        if (sy < 0 || sy >= height) {
          java.util.Arrays.fill(image, out, out + width, 0f);
          continue;
        }
        int src = c * plane + sy * width;
        int xFrom = Math.max(0, dx);
        int xTo = Math.min(width, width + dx);
        java.util.Arrays.fill(image, out, out + xFrom, 0f);
        if (xTo > xFrom) {
          System.arraycopy(scratch, src + xFrom - dx, image, out + xFrom, xTo - xFrom);
        }
        java.util.Arrays.fill(image, out + Math.max(xTo, xFrom), out + width, 0f);
      }
    }
  }
}
