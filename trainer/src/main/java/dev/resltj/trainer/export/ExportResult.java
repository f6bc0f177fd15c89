package dev.resltj.trainer.export;

import java.nio.file.Path;
import java.time.Duration;

/** A written {@code .onnx} file: where, how big, its SHA-256 and how long the export took. */
public record ExportResult(Path file, long bytes, String sha256, Duration took) {
  public ExportResult {
    if (file == null || sha256 == null || took == null || bytes <= 0) {
      throw new IllegalArgumentException("incomplete export result for " + file);
    }
  }
}
