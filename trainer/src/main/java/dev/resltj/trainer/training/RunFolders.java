package dev.resltj.trainer.training;

import dev.resltj.trainer.storage.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The files of a run folder ({@code runs/NAME/}) and the rules for creating and replacing one. */
public final class RunFolders {
  public static final String RUN_FILE = "run.json";
  public static final String SPLIT_FILE = "split.json";
  public static final String PROVENANCE_FILE = "provenance.json";

  /** What the data is ({@link dev.resltj.trainer.data.DatasetDescription}), for the exporter. */
  public static final String DATASET_FILE = dev.resltj.trainer.data.DatasetDescription.FILE;

  public static final String CHECKPOINT_DIR = "checkpoint";
  public static final String OPTIMIZER_FILE = "optimizer.json";
  public static final String ONNX_FILE = "model.onnx";

  private RunFolders() {}

  /**
   * Makes {@code runDir} ready for a new run: creates it, or with {@code overwrite} replaces a
   * previous run there. Refuses to delete a folder that is not a run folder.
   */
  static void prepareNew(Path runDir, boolean overwrite) throws IOException {
    if (Files.exists(runDir)) {
      if (!overwrite) {
        throw new InvalidRunException(
            runDir
                + " already exists: choose another --name, add --overwrite to replace it, or"
                + " continue it with --resume "
                + runDir);
      }
      if (!Files.isRegularFile(runDir.resolve(RUN_FILE))) {
        throw new InvalidRunException(
            "--overwrite refuses to delete "
                + runDir
                + ": it holds no "
                + RUN_FILE
                + ", so it is not a run folder");
      }
      Folders.deleteTree(runDir);
    }
    Files.createDirectories(runDir);
  }
}
