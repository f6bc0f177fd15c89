package dev.resltj.runtime;

import java.util.Locale;

/**
 * What the training images look like, which decides how the runtime may prepare a new image.
 *
 * <p>{@link #DRAWING}: one light or dark figure on a plain background, as in the MNIST family
 * (digits, letters, and Fashion-MNIST's garments, stored as light shapes on black) or a sketch. The
 * runtime may invert such an image to the model's polarity and centre it by mass, and fits it whole
 * into the frame, padded with its background. Models written before image kinds existed are read as
 * this kind, so they keep the behaviour they had.
 *
 * <p>{@link #PHOTO}: a natural photograph. Never inverted or centred by mass (a negative of a photo
 * is not the same scene); resized, aspect ratio kept, until it fills the frame, and centre-cropped,
 * as photo classifiers are evaluated.
 */
public enum ImageKind {
  DRAWING,
  PHOTO;

  /** The lower-case name used in the model metadata ({@code drawing}, {@code photo}). */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@link #id()} (case-insensitive). */
  public static ImageKind fromId(String id) {
    for (ImageKind k : values()) {
      if (k.id().equalsIgnoreCase(id)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "unknown image kind '" + id + "': expected drawing or photo");
  }
}
