package dev.resltj.runtime;

/** ONNX Runtime failed on input we had validated: a bug or a resource problem, not the caller's. */
public final class InferenceException extends ResltException {
  private static final long serialVersionUID = 1L;

  public InferenceException(String message, Throwable cause) {
    super(message, cause);
  }
}
