package dev.resltj.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The server's packages depend one way: the registry knows nothing of HTTP bodies or error mapping,
 * so either can change without touching it. Read from the sources' imports.
 */
class PackageDependenciesTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/resltj/server");

  @ParameterizedTest
  @CsvSource({
    "models, error",
    "models, api",
    "models, repository",
    "batching, models",
    "api, error",
    "repository, grpc",
    "repository, inference"
  })
  void packageDoesNotImportTheOther(String from, String to) throws IOException {
    List<String> offending;
    try (Stream<Path> files = Files.list(SOURCES.resolve(from))) {
      offending =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .filter(f -> imports(f, "dev.resltj.server." + to + "."))
              .map(f -> f.getFileName().toString())
              .toList();
    }
    assertFalse(Files.notExists(SOURCES.resolve(from)), from);
    assertEquals(List.of(), offending, from + " must not import " + to);
  }

  private static boolean imports(Path file, String prefix) {
    try {
      return Files.readAllLines(file).stream().anyMatch(l -> l.startsWith("import " + prefix));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
