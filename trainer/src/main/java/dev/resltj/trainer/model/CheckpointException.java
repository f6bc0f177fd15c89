package dev.resltj.trainer.model;

import java.io.IOException;

/**
 * A checkpoint folder that cannot be loaded: missing, truncated or corrupt files, or parameters
 * that do not fit the network. The message names the file and says what was expected; it is meant
 * for the user as is.
 */
public final class CheckpointException extends IOException {
  private static final long serialVersionUID = 1L;

  public CheckpointException(String message) {
    super(message);
  }

  public CheckpointException(String message, Throwable cause) {
    super(message, cause);
  }
}
