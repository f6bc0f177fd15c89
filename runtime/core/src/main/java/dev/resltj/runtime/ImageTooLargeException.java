package dev.resltj.runtime;

/**
 * The image's header declares more pixels than the configured limit. Raised before any pixel is
 * decoded, so a small file claiming huge dimensions costs nothing.
 */
public final class ImageTooLargeException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  private final int width;
  private final int height;

  public ImageTooLargeException(int width, int height, int maxWidth, int maxHeight) {
    super(
        "image is "
            + width
            + "x"
            + height
            + " pixels: expected at most "
            + maxWidth
            + "x"
            + maxHeight
            + " (ClassifierOptions.maxImageSize); scale it down first");
    this.width = width;
    this.height = height;
  }

  /**
   * The same refusal with context prepended to the message (for example which image of a batch).
   */
  ImageTooLargeException(String context, ImageTooLargeException e) {
    super(context + e.getMessage(), e);
    this.width = e.width;
    this.height = e.height;
  }

  /** Width declared by the image header. */
  public int width() {
    return width;
  }

  /** Height declared by the image header. */
  public int height() {
    return height;
  }
}
