package dev.resltj.trainer.data;

import java.nio.file.Path;

/** The content of one {@code idx1-ubyte} file: one unsigned byte label per item. */
public final class IdxLabels {
  private final Path file;
  private final byte[] labels;
  private final String sha256;

  IdxLabels(Path file, byte[] labels, String sha256) {
    this.file = file;
    this.labels = labels;
    this.sha256 = sha256;
  }

  public Path file() {
    return file;
  }

  public int count() {
    return labels.length;
  }

  /** Label of item {@code index}, 0..255. */
  public int label(int index) {
    return labels[index] & 0xFF;
  }

  /** SHA-256 of the uncompressed IDX content (the same for a file and its {@code .gz}). */
  public String sha256() {
    return sha256;
  }

  byte[] bytes() {
    return labels;
  }
}
