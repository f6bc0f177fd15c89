package dev.resltj.runtime;

/**
 * The caller's input cannot be classified: wrong tensor shape, non-finite values, empty or
 * undecodable image bytes. The message says what was expected and what was found.
 */
public class InvalidInputException extends ResltException {
  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(message);
  }

  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
