package dev.resltj.trainer.data;

import java.nio.file.Path;

/**
 * One image file and its label; {@code origin} says where it was listed ({@code "train.txt line
 * 12"}, or the class folder), for error messages.
 */
public record ImageEntry(Path file, int label, String origin) {
  public ImageEntry {
    if (file == null || origin == null) {
      throw new IllegalArgumentException("file and origin are required");
    }
    if (label < 0) {
      throw new IllegalArgumentException("label must be >= 0, got " + label);
    }
  }

  /** The file, with where it was listed when that says more than its path. */
  public String describe() {
    return origin.isEmpty() ? file.toString() : file + " (" + origin + ")";
  }
}
