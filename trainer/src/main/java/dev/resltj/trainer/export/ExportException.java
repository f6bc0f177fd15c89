package dev.resltj.trainer.export;

import java.io.IOException;

/** A run folder or target that cannot be exported; the message names the file and what is wrong. */
public final class ExportException extends IOException {
  private static final long serialVersionUID = 1L;

  public ExportException(String message) {
    super(message);
  }

  public ExportException(String message, Throwable cause) {
    super(message, cause);
  }
}
