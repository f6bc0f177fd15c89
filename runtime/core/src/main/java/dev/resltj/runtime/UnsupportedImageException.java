package dev.resltj.runtime;

/**
 * The bytes are not an image we can decode (not PNG, JPEG, BMP or GIF, truncated or corrupt), or
 * the image is too small to hold anything classifiable.
 */
public final class UnsupportedImageException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  public UnsupportedImageException(String message) {
    super(message);
  }

  public UnsupportedImageException(String message, Throwable cause) {
    super(message, cause);
  }
}
