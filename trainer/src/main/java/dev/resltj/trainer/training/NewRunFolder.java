package dev.resltj.trainer.training;

import dev.resltj.trainer.storage.Folders;
import dev.resltj.trainer.storage.RunFolderLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The rules for starting a run folder ({@code runs/NAME/}): create it, or replace a run there. */
final class NewRunFolder {
  private NewRunFolder() {}

  /**
   * Makes {@code runDir} ready for a new run: creates it, or with {@code overwrite} replaces a
   * previous run there. Refuses to delete a folder that is not a run folder.
   */
  static void prepare(Path runDir, boolean overwrite) throws IOException {
    if (Files.exists(runDir)) {
      if (!overwrite) {
        throw new InvalidRunException(
            runDir
                + " already exists: choose another --name, add --overwrite to replace it, or"
                + " continue it with --resume "
                + runDir);
      }
      if (!Files.isRegularFile(runDir.resolve(RunFolderLayout.RUN_FILE))) {
        throw new InvalidRunException(
            "--overwrite refuses to delete "
                + runDir
                + ": it holds no "
                + RunFolderLayout.RUN_FILE
                + ", so it is not a run folder");
      }
      Folders.deleteTree(runDir);
    }
    Files.createDirectories(runDir);
  }
}
