package dev.resltj.trainer.export;

import java.util.Random;

/**
 * MNIST-like test images without the data set: a light pattern per class (bars at class-dependent
 * places, randomly shifted) on a dark background, raw values 0..255. Learnable in a few dozen
 * steps, which is all the parity tests need: trained weights and BatchNorm statistics, not
 * accuracy.
 */
final class SyntheticDigits {
  static final int SIZE = 28;

  final float[] pixels;
  final int[] labels;

  private SyntheticDigits(float[] pixels, int[] labels) {
    this.pixels = pixels;
    this.labels = labels;
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

  /** Images {@code from .. from+n} as a copy, {@code [n, 1, 28, 28]} row-major. */
  float[] images(int from, int n) {
    float[] out = new float[n * SIZE * SIZE];
    System.arraycopy(pixels, from * SIZE * SIZE, out, 0, out.length);
    return out;
  }

  int[] labels(int from, int n) {
    int[] out = new int[n];
    System.arraycopy(labels, from, out, 0, n);
    return out;
  }
}
