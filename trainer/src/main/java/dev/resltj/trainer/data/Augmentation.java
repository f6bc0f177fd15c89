package dev.resltj.trainer.data;

import java.util.Locale;

/**
 * Training-time augmentation of MNIST-like images: a random shift of up to {@code maxShift} pixels
 * along each axis and a random rotation of up to {@code maxRotationDegrees} either way (bilinear,
 * about the image centre), the uncovered border filled with 0 (the MNIST family's background).
 *
 * <p>CLI form: {@code none}, {@code default} (shift 2, rotate 10), or {@code shift=K,rotate=D} (a
 * part left out is 0).
 */
public record Augmentation(int maxShift, double maxRotationDegrees) {
  public static final Augmentation NONE = new Augmentation(0, 0);
  public static final Augmentation DEFAULT = new Augmentation(2, 10);

  public Augmentation {
    if (maxShift < 0 || maxShift > 16) {
      throw new IllegalArgumentException("maximum shift must be 0..16 pixels, got " + maxShift);
    }
    if (!(maxRotationDegrees >= 0 && maxRotationDegrees <= 180)) {
      throw new IllegalArgumentException(
          "maximum rotation must be 0..180 degrees, got " + maxRotationDegrees);
    }
  }

  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isNone() {
    return maxShift == 0 && maxRotationDegrees == 0;
  }

  /** The CLI form, parsed back by {@link #parse}. */
  public String cliForm() {
    if (isNone()) {
      return "none";
    }
    double r = maxRotationDegrees;
    return "shift=" + maxShift + ",rotate=" + (r == Math.rint(r) ? Long.toString((long) r) : r);
  }

  /**
   * Parses {@code none}, {@code default} or {@code shift=K,rotate=D}.
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  public static Augmentation parse(String text) {
    String syntax =
        "expected none, default, or shift=PIXELS,rotate=DEGREES (e.g. shift=2,rotate=10)";
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("augmentation is empty: " + syntax);
    }
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.equals("none")) {
      return NONE;
    }
    if (t.equals("default")) {
      return DEFAULT;
    }
    int shift = 0;
    double rotate = 0;
    for (String part : t.split(",", -1)) {
      String[] kv = part.split("=", -1);
      try {
        if (kv.length == 2 && kv[0].strip().equals("shift")) {
          shift = Integer.parseInt(kv[1].strip());
          continue;
        }
        if (kv.length == 2 && kv[0].strip().equals("rotate")) {
          rotate = Double.parseDouble(kv[1].strip());
          continue;
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "augmentation '" + text + "': '" + part.strip() + "' has no valid number; " + syntax);
      }
      throw new IllegalArgumentException("augmentation '" + text + "' not understood: " + syntax);
    }
    return new Augmentation(shift, rotate);
  }
}
