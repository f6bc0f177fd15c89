package dev.resltj.server.error;

/** The request is malformed: the message says what was wrong and what was expected (400). */
public final class InvalidRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidRequestException(String message) {
    super(message);
  }
}
