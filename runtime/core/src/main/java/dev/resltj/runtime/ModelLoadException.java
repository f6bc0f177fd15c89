package dev.resltj.runtime;

/** The model file cannot be read, is not ONNX, or does not have the input and outputs we need. */
public final class ModelLoadException extends ResltException {
  private static final long serialVersionUID = 1L;

  public ModelLoadException(String message) {
    super(message);
  }

  public ModelLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
