package dev.resltj.trainer.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoldersTest {
  @TempDir Path dir;

  @Test
  void deleteTreeRemovesNestedFilesAndFoldersButNothingBeside() throws Exception {
    Path tree = dir.resolve("tree");
    Files.createDirectories(tree.resolve("a/b"));
    Files.writeString(tree.resolve("a/b/deep.txt"), "x");
    Files.writeString(tree.resolve("top.txt"), "y");
    Path beside = Files.writeString(dir.resolve("beside.txt"), "z");

    Folders.deleteTree(tree);

    assertThat(tree).doesNotExist();
    assertThat(beside).exists();
  }

  @Test
  void deleteTreeOfAMissingPathDoesNothing() throws Exception {
    Folders.deleteTree(dir.resolve("never-made"));

    assertThat(dir).isEmptyDirectory();
  }
}
