package dev.resltj.server.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;

/**
 * What tells one content of a model file from the next without reading it: size, modification time
 * and the file's identity (its inode on Linux), which a file renamed into place always changes,
 * even when the time stays within the file system's granularity.
 */
record FileVersion(long size, long modifiedMillis, Object key) {

  /** The file's version now, or empty when it is not there (or not a regular file). */
  static Optional<FileVersion> of(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      if (!a.isRegularFile()) {
        return Optional.empty();
      }
      return Optional.of(
          new FileVersion(
              a.size(), a.lastModifiedTime().toMillis(), Objects.toString(a.fileKey())));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty(); // unreadable for now: the next look decides
    }
  }
}
