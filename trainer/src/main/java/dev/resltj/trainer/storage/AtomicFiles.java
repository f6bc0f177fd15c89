package dev.resltj.trainer.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files so that a reader, or a crash, never sees half of one: the bytes go to a temporary
 * file in the same folder, are forced to disk, then renamed over the target.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes what {@code body} produces; on any failure the target is left as it was. */
  public static void write(Path target, StreamWriter body) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    // createTempFile makes owner-only files; reports and models are meant to be shared like any
    // file
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    if (Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
    }
    try {
      try (var channel =
              java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE);
          OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
        body.writeTo(out);
        out.flush();
        channel.force(true);
      }
      move(tmp, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  public static void write(Path target, byte[] bytes) throws IOException {
    write(target, out -> out.write(bytes));
  }

  public static void writeString(Path target, String text) throws IOException {
    write(target, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Renames {@code from} to {@code to} (a file, or a folder onto a path that is free), replacing a
   * file there, in one step where the file system can; otherwise as a plain move.
   */
  public static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Produces a file's content. */
  @FunctionalInterface
  public interface StreamWriter {
    void writeTo(OutputStream out) throws IOException;
  }
}
