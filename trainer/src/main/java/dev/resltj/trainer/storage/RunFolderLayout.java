package dev.resltj.trainer.storage;

/**
 * The names inside a run folder ({@code runs/NAME/}), in one place because three stages meet there:
 * {@code train} writes them, {@code train --resume} and {@code evaluate} read them back, and {@code
 * export} reads them as plain JSON. docs/training.md says what each file holds. The report's files
 * ({@code report.json}, {@code report.md}, {@code history.json}, {@code plots/}) are named by
 * {@code ReportWriter}, which also writes them beside a checkpoint folder that is in no run folder
 * ({@code evaluate --checkpoint DIR}).
 */
public final class RunFolderLayout {
  /** The run's settings; its presence is what makes a folder a run folder. */
  public static final String RUN_FILE = "run.json";

  /** Which training and validation images the run drew, and its class groups. */
  public static final String SPLIT_FILE = "split.json";

  /** What the data is: its name, kind, class names, image shape and style. */
  public static final String DATASET_FILE = "dataset.json";

  /** Versions, command line and data hashes behind the run. */
  public static final String PROVENANCE_FILE = "provenance.json";

  /** The last finished epoch, replaced at each epoch end; resume starts from it. */
  public static final String CHECKPOINT_DIR = "checkpoint";

  /** The epoch the run chose on validation: what it evaluates and exports. */
  public static final String BEST_DIR = "best";

  /** The optimiser's state, kept inside the checkpoint so a resume continues it. */
  public static final String OPTIMIZER_FILE = "optimizer.json";

  /** The exported network, unless the run was told {@code --no-export}. */
  public static final String ONNX_FILE = "model.onnx";

  private RunFolderLayout() {}
}
