package dev.resltj.trainer.data;

import dev.resltj.trainer.storage.JsonFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers the SHA-256 of data files in their folder ({@value #FILE_NAME}), keyed by name, size
 * and modification time, as git's index and DVC do: hashing 47 MB costs a fresh JVM about half a
 * second, more than reading it. A file whose size or time changed is hashed again. The cache is
 * best effort: an unreadable cache is ignored and a read-only folder simply goes uncached.
 */
final class HashCache {
  static final String FILE_NAME = ".reslt-sha256.json";

  record Entry(String name, long size, String modified, String sha256) {}

  record Content(List<Entry> files) {}

  private final Path file;
  private final Map<String, Entry> entries;
  private boolean changed;

  private HashCache(Path file, Map<String, Entry> entries) {
    this.file = file;
    this.entries = entries;
  }

  static HashCache in(Path dir) {
    Path file = dir.resolve(FILE_NAME);
    Map<String, Entry> entries = new LinkedHashMap<>();
    if (Files.isRegularFile(file)) {
      try {
        Content content = JsonFiles.read(file, Content.class);
        if (content != null && content.files() != null) {
          for (Entry e : content.files()) {
            if (e != null && e.name() != null && e.sha256() != null) {
              entries.put(e.name(), e);
            }
          }
        }
      } catch (IOException | RuntimeException e) {
        // a damaged cache only costs hashing again
      }
    }
    return new HashCache(file, entries);
  }

  /** The remembered hash of {@code data}, when its size and modification time are unchanged. */
  Optional<String> lookup(Path data) {
    Entry e = entries.get(data.getFileName().toString());
    if (e == null) {
      return Optional.empty();
    }
    Optional<Entry> now = stat(data, e.sha256());
    return now.isPresent() && now.get().equals(e) ? Optional.of(e.sha256()) : Optional.empty();
  }

  void remember(Path data, String sha256) {
    stat(data, sha256)
        .ifPresent(
            e -> {
              if (!e.equals(entries.put(e.name(), e))) {
                changed = true;
              }
            });
  }

  /** Writes the cache when it changed; failures are ignored (the next run hashes again). */
  void save() {
    if (!changed) {
      return;
    }
    try {
      JsonFiles.write(file, new Content(new ArrayList<>(entries.values())));
      changed = false;
    } catch (IOException | RuntimeException e) {
      // read-only data folder: stay uncached
    }
  }

  private static Optional<Entry> stat(Path data, String sha256) {
    try {
      BasicFileAttributes a = Files.readAttributes(data, BasicFileAttributes.class);
      return Optional.of(
          new Entry(
              data.getFileName().toString(), a.size(), a.lastModifiedTime().toString(), sha256));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
