package dev.resltj.trainer.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Small IDX files and image sets built in code. */
public final class IdxFixtures {
  private IdxFixtures() {}

  /**
   * An idx3 file of {@code count} images of {@code rows x cols}; pixel value = (i + y + x) % 256.
   */
  public static byte[] images(int count, int rows, int cols) {
    ByteBuffer b = ByteBuffer.allocate(16 + count * rows * cols);
    b.putInt(IdxReader.IMAGES_MAGIC).putInt(count).putInt(rows).putInt(cols);
    for (int i = 0; i < count; i++) {
      for (int y = 0; y < rows; y++) {
        for (int x = 0; x < cols; x++) {
          b.put((byte) ((i + y + x) % 256));
        }
      }
    }
    return b.array();
  }

  /** An idx1 file holding {@code labels}. */
  public static byte[] labels(int... labels) {
    ByteBuffer b = ByteBuffer.allocate(8 + labels.length);
    b.putInt(IdxReader.LABELS_MAGIC).putInt(labels.length);
    for (int l : labels) {
      b.put((byte) l);
    }
    return b.array();
  }

  public static byte[] gzip(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static Path write(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      return Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A balanced set: {@code perClass} images of each of {@code classes} classes, 1x4x4, labels
   * cycle.
   */
  public static LabeledImages balanced(int classes, int perClass) {
    int n = classes * perClass;
    byte[] pixels = new byte[n * 16];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % classes;
      for (int p = 0; p < 16; p++) {
        pixels[i * 16 + p] = (byte) (i * 7 + p);
      }
    }
    return LabeledImages.of(pixels, labels, 1, 4, 4, classes);
  }

  /** A set with the given number of images per class (labels grouped by class). */
  public static LabeledImages withCounts(int... counts) {
    int n = java.util.Arrays.stream(counts).sum();
    int[] labels = new int[n];
    int k = 0;
    for (int c = 0; c < counts.length; c++) {
      for (int i = 0; i < counts[c]; i++) {
        labels[k++] = c;
      }
    }
    return LabeledImages.of(new byte[n * 4], labels, 1, 2, 2, counts.length);
  }
}
