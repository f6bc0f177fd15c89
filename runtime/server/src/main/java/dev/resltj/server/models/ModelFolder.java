package dev.resltj.server.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds the model folder and the {@code .onnx} files in it. */
final class ModelFolder {
  static final String EXTENSION = ".onnx";

  private ModelFolder() {}

  /**
   * Resolves the configured folder: an absolute path as it is; a relative one against the working
   * directory and then its parents (nearest first), so {@code models} finds the repository's folder
   * both from the repository root and from a module folder such as {@code runtime/server}.
   *
   * @return the folder, or empty when it exists nowhere
   */
  static Optional<Path> resolve(String configured, Path workingDirectory) {
    Path path = Path.of(configured);
    if (path.isAbsolute()) {
      return Files.isDirectory(path) ? Optional.of(path.normalize()) : Optional.empty();
    }
    for (Path dir = workingDirectory.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(path).normalize();
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Every regular {@code .onnx} file directly in {@code folder}, by model name, sorted by name. */
  static Map<String, Path> scan(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      Map<String, Path> models = new LinkedHashMap<>();
      files
          .filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().endsWith(EXTENSION))
          .sorted()
          .forEach(f -> models.put(nameOf(f), f));
      return models;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the model folder " + folder, e);
    }
  }

  static String nameOf(Path file) {
    String fileName = file.getFileName().toString();
    return fileName.substring(0, fileName.length() - EXTENSION.length());
  }
}
