package dev.resltj.trainer.data;

import java.nio.file.Path;

/** The content of one {@code idx3-ubyte} file: {@code count} grey images of {@code rows x cols}. */
public final class IdxImages {
  private final Path file;
  private final int count;
  private final int rows;
  private final int cols;
  private final byte[] pixels;
  private final String sha256;

  IdxImages(Path file, int[] dims, byte[] pixels, String sha256) {
    this.file = file;
    this.count = dims[0];
    this.rows = dims[1];
    this.cols = dims[2];
    this.pixels = pixels;
    this.sha256 = sha256;
  }

  public Path file() {
    return file;
  }

  public int count() {
    return count;
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  /** SHA-256 of the uncompressed IDX content (the same for a file and its {@code .gz}). */
  public String sha256() {
    return sha256;
  }

  /** The pixels without a copy: only this package hands them on, to a {@link LabeledImages}. */
  byte[] pixels() {
    return pixels;
  }
}
