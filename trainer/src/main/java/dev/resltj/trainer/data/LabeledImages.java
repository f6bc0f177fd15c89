package dev.resltj.trainer.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Images and their labels held in memory as unsigned bytes, {@code [N, C, H, W]} row-major: the
 * MNIST family is 47 MB of bytes but would be 188 MB of floats, so conversion happens per batch.
 */
public final class LabeledImages implements ImageSet {
  private final byte[] pixels;
  private final int[] labels;
  private final int channels;
  private final int height;
  private final int width;
  private final int numClasses;
  private final List<String> classNames;

  private LabeledImages(
      byte[] pixels, int[] labels, int channels, int height, int width, List<String> classNames) {
    this.pixels = pixels;
    this.labels = labels;
    this.channels = channels;
    this.height = height;
    this.width = width;
    this.numClasses = classNames.size();
    this.classNames = classNames;
  }

  /** Copies the arrays and checks that sizes and labels agree; classes are named "0", "1", .... */
  public static LabeledImages of(
      byte[] pixels, int[] labels, int channels, int height, int width, int numClasses) {
    if (numClasses < 2) {
      throw new IllegalArgumentException("need at least 2 classes, got " + numClasses);
    }
    return of(pixels, labels, channels, height, width, indexNames(numClasses));
  }

  /**
   * Copies the arrays and checks that sizes and labels agree; label {@code i} is {@code
   * classNames[i]}.
   */
  public static LabeledImages of(
      byte[] pixels, int[] labels, int channels, int height, int width, List<String> classNames) {
    LabeledImages checked = wrap(pixels, labels, channels, height, width, List.copyOf(classNames));
    return new LabeledImages(
        pixels.clone(), labels.clone(), channels, height, width, checked.classNames);
  }

  /** Class names "0" .. "n-1", as the MNIST family labels its digits. */
  public static List<String> indexNames(int numClasses) {
    List<String> names = new ArrayList<>(numClasses);
    for (int c = 0; c < numClasses; c++) {
      names.add(Integer.toString(c));
    }
    return List.copyOf(names);
  }

  /** Checks like {@link #of} but takes ownership of the arrays (the IDX reader's fresh ones). */
  static LabeledImages wrap(
      byte[] pixels, int[] labels, int channels, int height, int width, List<String> classNames) {
    int numClasses = classNames.size();
    if (channels < 1 || height < 1 || width < 1) {
      throw new IllegalArgumentException(
          "image shape must be positive, got " + channels + "x" + height + "x" + width);
    }
    if (numClasses < 2) {
      throw new IllegalArgumentException("need at least 2 classes, got " + numClasses);
    }
    long expected = (long) labels.length * channels * height * width;
    if (pixels.length != expected) {
      throw new IllegalArgumentException(
          "pixel count "
              + pixels.length
              + " does not match "
              + labels.length
              + " images of "
              + channels
              + "x"
              + height
              + "x"
              + width
              + " (expected "
              + expected
              + ")");
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= numClasses) {
        throw new IllegalArgumentException(
            "label " + labels[i] + " of image " + i + " is outside 0.." + (numClasses - 1));
      }
    }
    return new LabeledImages(pixels, labels, channels, height, width, classNames);
  }

  @Override
  public int size() {
    return labels.length;
  }

  @Override
  public int channels() {
    return channels;
  }

  @Override
  public int height() {
    return height;
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public int numClasses() {
    return numClasses;
  }

  /** Name of each class, indexed by label. */
  @Override
  public List<String> classNames() {
    return classNames;
  }

  /** Values per image: {@code channels * height * width}. */
  @Override
  public int imageSize() {
    return channels * height * width;
  }

  @Override
  public int label(int index) {
    return labels[index];
  }

  /** A copy of all labels. */
  @Override
  public int[] labels() {
    return labels.clone();
  }

  /** Pixel {@code (c, y, x)} of image {@code index}, 0..255. */
  public int pixel(int index, int c, int y, int x) {
    return pixels[((index * channels + c) * height + y) * width + x] & 0xFF;
  }

  /** Writes image {@code index} as floats 0..255 into {@code dst} starting at {@code offset}. */
  @Override
  public void copyImage(int index, float[] dst, int offset) {
    int size = imageSize();
    int base = index * size;
    for (int i = 0; i < size; i++) {
      dst[offset + i] = pixels[base + i] & 0xFF;
    }
  }

  /** Images per class. */
  @Override
  public int[] classCounts() {
    int[] counts = new int[numClasses];
    for (int label : labels) {
      counts[label]++;
    }
    return counts;
  }

  /**
   * The images at {@code indices}, in that order (an index may repeat: drawing with replacement).
   */
  @Override
  public LabeledImages select(int[] indices) {
    int size = imageSize();
    byte[] outPixels = new byte[indices.length * size];
    int[] outLabels = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      int src = indices[i];
      if (src < 0 || src >= labels.length) {
        throw new IndexOutOfBoundsException("index " + src + " outside 0.." + (labels.length - 1));
      }
      System.arraycopy(pixels, src * size, outPixels, i * size, size);
      outLabels[i] = labels[src];
    }
    return new LabeledImages(outPixels, outLabels, channels, height, width, classNames);
  }

  /** Indices of the images whose label is in {@code classes}, ascending. */
  @Override
  public int[] indicesOfClasses(java.util.Collection<Integer> classes) {
    boolean[] wanted = new boolean[numClasses];
    for (int c : classes) {
      if (c < 0 || c >= numClasses) {
        throw new IllegalArgumentException("class " + c + " is outside 0.." + (numClasses - 1));
      }
      wanted[c] = true;
    }
    int n = 0;
    for (int label : labels) {
      if (wanted[label]) {
        n++;
      }
    }
    int[] out = new int[n];
    int k = 0;
    for (int i = 0; i < labels.length; i++) {
      if (wanted[labels[i]]) {
        out[k++] = i;
      }
    }
    return out;
  }

  /** The backing bytes without a copy, for this package's batch assembly. */
  byte[] pixelBytes() {
    return pixels;
  }

  @Override
  public String toString() {
    return "LabeledImages["
        + size()
        + " x "
        + channels
        + "x"
        + height
        + "x"
        + width
        + ", classes="
        + numClasses
        + ", counts="
        + Arrays.toString(classCounts())
        + "]";
  }
}
