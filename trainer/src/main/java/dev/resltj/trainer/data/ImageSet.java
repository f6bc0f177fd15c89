package dev.resltj.trainer.data;

import java.util.Collection;
import java.util.List;

/**
 * Labelled images of one shape, {@code [C, H, W]}, addressed by position: held in memory ({@link
 * LabeledImages}) or decoded from files on demand ({@link FileImages}). Samplers and the split read
 * only the labels; batch assembly and inference read the pixels through {@link #copyImage}.
 */
public interface ImageSet {

  int size();

  int channels();

  int height();

  int width();

  /** Name of each class, indexed by label. */
  List<String> classNames();

  int label(int index);

  /**
   * Writes image {@code index} as floats 0..255, {@code [C, H, W]}, into {@code dst} at {@code
   * offset}. Safe to call from several threads at once.
   *
   * @throws DataFileException when a file-backed image cannot be decoded
   */
  void copyImage(int index, float[] dst, int offset);

  /**
   * Writes images {@code start..start+count-1} into {@code dst}, one after the other (file-backed
   * sets decode them on several threads).
   */
  default void copyRange(int start, int count, float[] dst) {
    int size = imageSize();
    for (int i = 0; i < count; i++) {
      copyImage(start + i, dst, i * size);
    }
  }

  /** The images at {@code indices}, in that order (an index may repeat). */
  ImageSet select(int[] indices);

  /** Whether {@link #copyImage} reads and decodes a file (slow: worth prefetching in threads). */
  default boolean streamed() {
    return false;
  }

  default int numClasses() {
    return classNames().size();
  }

  /** Values per image: {@code channels * height * width}. */
  default int imageSize() {
    return channels() * height() * width();
  }

  /** A copy of all labels. */
  default int[] labels() {
    int[] out = new int[size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = label(i);
    }
    return out;
  }

  /** Images per class. */
  default int[] classCounts() {
    int[] counts = new int[numClasses()];
    for (int i = 0; i < size(); i++) {
      counts[label(i)]++;
    }
    return counts;
  }

  /** Indices of the images whose label is in {@code classes}, ascending. */
  default int[] indicesOfClasses(Collection<Integer> classes) {
    boolean[] wanted = new boolean[numClasses()];
    for (int c : classes) {
      if (c < 0 || c >= numClasses()) {
        throw new IllegalArgumentException("class " + c + " is outside 0.." + (numClasses() - 1));
      }
      wanted[c] = true;
    }
    return java.util.stream.IntStream.range(0, size()).filter(i -> wanted[label(i)]).toArray();
  }
}
