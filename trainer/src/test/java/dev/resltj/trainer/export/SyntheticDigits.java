package dev.resltj.trainer.export;

import java.util.Random;

/**
 * MNIST-like test images without the data set: a light pattern per class (bars at class-dependent
 * places, randomly shifted) on a dark background, raw values 0..255; or colour images of any size
 * built the same way ({@link #generateColour}). Learnable in a few dozen steps, which is all the
 * parity tests need: trained weights and BatchNorm statistics, not accuracy.
 */
final class SyntheticDigits {
  static final int SIZE = 28;

  final float[] pixels;
  final int[] labels;
  private final int pixelsPerImage;

  private SyntheticDigits(float[] pixels, int[] labels) {
    this.pixels = pixels;
    this.labels = labels;
    this.pixelsPerImage = pixels.length / labels.length;
  }

  /**
   * {@code count} RGB images of {@code size x size}, {@code [3, size, size]} each: the class's bar
   * pattern (scaled to the size) in a colour that also depends on the class, on a noisy dark
   * background.
   */
  static SyntheticDigits generateColour(int count, int numClasses, long seed, int size) {
    Random random = new Random(seed);
    int plane = size * size;
    float[] pixels = new float[count * 3 * plane];
    int[] labels = new int[count];
    float scale = size / (float) SIZE;
    for (int i = 0; i < count; i++) {
      int label = random.nextInt(numClasses);
      labels[i] = label;
      int offset = i * 3 * plane;
      for (int p = 0; p < 3 * plane; p++) {
        pixels[offset + p] = random.nextInt(60);
      }
      int dx = Math.round((random.nextInt(5) - 2) * scale);
      int dy = Math.round((random.nextInt(5) - 2) * scale);
      boolean vertical = label % 2 == 0;
      int position = Math.round((6 + 3 * (label / 2)) * scale);
      int thickness = Math.max(1, Math.round(3 * scale));
      for (int a = Math.round(4 * scale); a < Math.round(24 * scale); a++) {
        for (int b = position; b < position + thickness; b++) {
          int y = (vertical ? a : b) + dy;
          int x = (vertical ? b : a) + dx;
          if (x >= 0 && x < size && y >= 0 && y < size) {
            for (int c = 0; c < 3; c++) {
              float tint = (label + c) % 3 == 0 ? 1f : 0.4f;
              pixels[offset + c * plane + y * size + x] = tint * (180 + random.nextInt(76));
            }
          }
        }
      }
    }
    return new SyntheticDigits(pixels, labels);
  }

  /** The first {@code count} images of a real data set, as raw floats 0..255. */
  static SyntheticDigits firstOf(dev.resltj.trainer.data.LabeledImages images, int count) {
    float[] pixels = new float[count * SIZE * SIZE];
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      images.copyImage(i, pixels, i * SIZE * SIZE);
      labels[i] = images.label(i);
    }
    return new SyntheticDigits(pixels, labels);
  }

  static SyntheticDigits generate(int count, int numClasses, long seed) {
    Random random = new Random(seed);
    float[] pixels = new float[count * SIZE * SIZE];
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      int label = random.nextInt(numClasses);
      labels[i] = label;
      int offset = i * SIZE * SIZE;
      int dx = random.nextInt(5) - 2;
      int dy = random.nextInt(5) - 2;
      boolean vertical = label % 2 == 0;
      int position = 6 + 3 * (label / 2);
      for (int a = 4; a < 24; a++) {
        for (int b = position; b < position + 3; b++) {
          int y = (vertical ? a : b) + dy;
          int x = (vertical ? b : a) + dx;
          if (x >= 0 && x < SIZE && y >= 0 && y < SIZE) {
            pixels[offset + y * SIZE + x] = 180 + random.nextInt(76);
          }
        }
      }
      for (int p = 0; p < SIZE * SIZE; p++) {
        if (random.nextInt(20) == 0) {
          pixels[offset + p] = Math.min(255f, pixels[offset + p] + random.nextInt(90));
        }
      }
    }
    return new SyntheticDigits(pixels, labels);
  }

  int count() {
    return labels.length;
  }

  /** Images {@code from .. from+n} as a copy, {@code [n, C, H, W]} row-major. */
  float[] images(int from, int n) {
    float[] out = new float[n * pixelsPerImage];
    System.arraycopy(pixels, from * pixelsPerImage, out, 0, out.length);
    return out;
  }

  int[] labels(int from, int n) {
    int[] out = new int[n];
    System.arraycopy(labels, from, out, 0, n);
    return out;
  }
}
