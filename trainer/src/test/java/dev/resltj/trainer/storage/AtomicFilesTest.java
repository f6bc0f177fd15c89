package dev.resltj.trainer.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void writesContentAndLeavesNoTemporaryFile() throws IOException {
    Path target = dir.resolve("report.json");
    AtomicFiles.writeString(target, "{\"top1\": 0.9}");
    assertThat(Files.readString(target)).isEqualTo("{\"top1\": 0.9}");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void failedWriteKeepsThePreviousFile() throws IOException {
    Path target = dir.resolve("model.onnx");
    AtomicFiles.writeString(target, "old");
    assertThrows(
        IOException.class,
        () ->
            AtomicFiles.write(
                target,
                out -> {
                  out.write("half of the new".getBytes());
                  throw new IOException("disk full");
                }));
    assertThat(Files.readString(target)).isEqualTo("old");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void writtenFilesAreReadableByOthers() throws IOException {
    Path target = dir.resolve("run.json");
    AtomicFiles.writeString(target, "{}");
    assertThat(Files.getPosixFilePermissions(target))
        .contains(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
  }

  @Test
  void moveReplacesAFileAndRenamesAFolder() throws IOException {
    Path fresh = Files.writeString(dir.resolve("fresh.tmp"), "new");
    Path target = Files.writeString(dir.resolve("model.onnx"), "old");
    Path staging = Files.createDirectories(dir.resolve("staging"));
    Files.writeString(staging.resolve("network.json"), "{}");

    AtomicFiles.move(fresh, target);
    AtomicFiles.move(staging, dir.resolve("checkpoint"));

    assertThat(Files.readString(target)).isEqualTo("new");
    assertThat(fresh).doesNotExist();
    assertThat(dir.resolve("checkpoint/network.json")).hasContent("{}");
    assertThat(staging).doesNotExist();
  }
}
