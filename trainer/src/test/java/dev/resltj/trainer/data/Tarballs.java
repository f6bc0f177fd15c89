package dev.resltj.trainer.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/** npm-style package tarballs ({@code package/...} entries, gzip) built in tests. */
final class Tarballs {
  private Tarballs() {}

  /** Writes {@code tgz} with one entry per map key (entry name -> file whose bytes to store). */
  static Path write(Path tgz, Map<String, Path> entries) throws IOException {
    GzipParameters fast = new GzipParameters();
    fast.setCompressionLevel(Deflater.BEST_SPEED);
    try (OutputStream file = Files.newOutputStream(tgz);
        TarArchiveOutputStream tar =
            new TarArchiveOutputStream(new GzipCompressorOutputStream(file, fast))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, Path> e : entries.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
        entry.setSize(Files.size(e.getValue()));
        tar.putArchiveEntry(entry);
        Files.copy(e.getValue(), tar);
        tar.closeArchiveEntry();
      }
    }
    return tgz;
  }
}
