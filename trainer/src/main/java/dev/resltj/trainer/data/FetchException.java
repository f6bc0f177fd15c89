package dev.resltj.trainer.data;

/**
 * A data set could not be fetched (no npm, the download failed, the package is not what was
 * expected). The message says what happened and how to provide the files by hand; the command line
 * exits 1.
 */
public final class FetchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FetchException(String message) {
    super(message);
  }

  public FetchException(String message, Throwable cause) {
    super(message, cause);
  }
}
