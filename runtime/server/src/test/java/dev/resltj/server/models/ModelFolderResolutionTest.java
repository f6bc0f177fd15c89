package dev.resltj.server.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFolderResolutionTest {
  @TempDir Path repo;

  @Test
  void findsARelativeFolderInTheWorkingDirectory() throws IOException {
    Path models = Files.createDirectories(repo.resolve("models"));

    assertEquals(Optional.of(models), ModelFolder.resolve("models", repo));
  }

  @Test
  void findsARelativeFolderInAParentOfTheWorkingDirectory() throws IOException {
    Path models = Files.createDirectories(repo.resolve("models"));
    Path module = Files.createDirectories(repo.resolve("runtime/server"));

    assertEquals(Optional.of(models), ModelFolder.resolve("models", module));
  }

  @Test
  void prefersTheNearestFolder() throws IOException {
    Files.createDirectories(repo.resolve("models"));
    Path module = Files.createDirectories(repo.resolve("runtime/server"));
    Path near = Files.createDirectories(module.resolve("models"));

    assertEquals(Optional.of(near), ModelFolder.resolve("models", module));
  }

  @Test
  void takesAnAbsoluteFolderAsItIsAndReportsAMissingOne() {
    assertEquals(Optional.of(repo), ModelFolder.resolve(repo.toString(), Path.of("/")));
    assertTrue(ModelFolder.resolve(repo.resolve("nope").toString(), repo).isEmpty());
  }

  @Test
  void namesModelsByFileNameWithoutTheExtensionInNameOrder() throws IOException {
    Files.write(repo.resolve("b-model.onnx"), new byte[1]);
    Files.write(repo.resolve("a.model.onnx"), new byte[1]);
    Files.write(repo.resolve("readme.md"), new byte[1]);
    Files.createDirectories(repo.resolve("dir.onnx"));

    assertEquals(List.of("a.model", "b-model"), List.copyOf(ModelFolder.scan(repo).keySet()));
  }
}
