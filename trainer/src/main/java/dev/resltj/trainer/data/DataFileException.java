package dev.resltj.trainer.data;

import java.nio.file.Path;

/**
 * A data file (IDX images or labels, a split record, a downloaded package) that cannot be used:
 * missing, unreadable, corrupt, or inconsistent with the data it belongs to. The message names the
 * file and what was wrong; the command line reports it as a failure (exit 1) without a stack trace.
 */
public final class DataFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DataFileException(Path file, String problem) {
    super(file + ": " + problem);
  }

  public DataFileException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
  }

  /** A problem that concerns a folder or several files rather than one file. */
  public DataFileException(String message) {
    super(message);
  }

  public DataFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
