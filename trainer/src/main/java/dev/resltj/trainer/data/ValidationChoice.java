package dev.resltj.trainer.data;

/**
 * How a split finds its validation images: {@code perClass} balanced images from those the profile
 * leaves unused; when it leaves none (as {@code as-is} and {@code full} do), {@code fraction} of
 * each training class; or none at all when the data brings its own ({@code given}).
 */
public record ValidationChoice(int perClass, double fraction, boolean given) {
  public static final double DEFAULT_FRACTION = 0.1;

  public ValidationChoice {
    if (perClass < 0) {
      throw new IllegalArgumentException(
          "validation images per class must be >= 0, got " + perClass);
    }
    if (!(fraction >= 0 && fraction < 1)) {
      throw new IllegalArgumentException("validation fraction must be in [0, 1), got " + fraction);
    }
  }

  /** {@code perClass} from unused images, else the default fraction. */
  public static ValidationChoice unused(int perClass) {
    return new ValidationChoice(perClass, DEFAULT_FRACTION, false);
  }
}
