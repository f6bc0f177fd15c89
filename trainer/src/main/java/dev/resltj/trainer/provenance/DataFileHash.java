package dev.resltj.trainer.provenance;

import java.util.regex.Pattern;

/**
 * SHA-256 of one data file used by a run. {@code path} is as the run saw it; the hash is of the
 * uncompressed content, so a file and its {@code .gz} record the same hash.
 */
public record DataFileHash(String path, String sha256) {
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  public DataFileHash {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("data file path is required");
    }
    if (sha256 == null || !HEX64.matcher(sha256).matches()) {
      throw new IllegalArgumentException(
          "SHA-256 of " + path + " must be 64 lower-case hex digits, got " + sha256);
    }
  }
}
