package dev.resltj.trainer.training;

/**
 * A run that cannot start as asked (its folder exists, no GPU for {@code --device gpu}, nothing to
 * resume): the user's to fix, so the command line reports it as a usage error.
 */
public final class InvalidRunException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidRunException(String message) {
    super(message);
  }
}
