package dev.resltj.trainer.data;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * Training-time augmentation, applied to each image after decoding, in this order: a random shift
 * of up to {@code maxShift} pixels along each axis with the uncovered border filled with 0, a
 * random rotation of up to {@code maxRotationDegrees} either way (bilinear, about the centre), a
 * random resized crop covering at least {@code minCropScale} of the image (0: none), and a
 * horizontal flip with probability 1/2 when {@code flip}.
 *
 * <p>Named presets ({@link #parse}): {@code digits} (shift 2: the MNIST family's default), {@code
 * default} (shift 2, rotate 10), {@code cifar} (pad 4 and crop, which is a shift of up to 4 over a
 * zero border, plus flip), {@code imagenet} (random-resized-crop of 8-100% of the area at an aspect
 * ratio of 3/4..4/3, plus flip) and {@code none}; or the parts spelt out: {@code
 * shift=K,rotate=D,crop=S,flip}. {@code run.json} records the fields and the preset's name.
 */
public record Augmentation(
    int maxShift, double maxRotationDegrees, double minCropScale, boolean flip) {
  public static final Augmentation NONE = new Augmentation(0, 0);
  public static final Augmentation DEFAULT = new Augmentation(2, 10);
  public static final Augmentation DIGITS = new Augmentation(2, 0);
  public static final Augmentation CIFAR = new Augmentation(4, 0, 0, true);
  public static final Augmentation IMAGENET = new Augmentation(0, 0, 0.08, true);

  public Augmentation {
    if (maxShift < 0 || maxShift > 16) {
      throw new IllegalArgumentException("maximum shift must be 0..16 pixels, got " + maxShift);
    }
    if (!(maxRotationDegrees >= 0 && maxRotationDegrees <= 180)) {
      throw new IllegalArgumentException(
          "maximum rotation must be 0..180 degrees, got " + maxRotationDegrees);
    }
    if (!(minCropScale == 0 || (minCropScale > 0 && minCropScale <= 1))) {
      throw new IllegalArgumentException(
          "smallest crop must be 0 (no crop) or in (0, 1] of the image's area, got "
              + minCropScale);
    }
  }

  /** Shift and rotation only (the augmentation of run folders written before the presets). */
  public Augmentation(int maxShift, double maxRotationDegrees) {
    this(maxShift, maxRotationDegrees, 0, false);
  }

  @JsonIgnore
  public boolean isNone() {
    return maxShift == 0 && maxRotationDegrees == 0 && minCropScale == 0 && !flip;
  }

  /** The CLI form, parsed back by {@link #parse}: a preset's name when it is one. */
  @JsonProperty("preset")
  public String cliForm() {
    if (isNone()) {
      return "none";
    }
    for (var named : java.util.List.of("digits", "default", "cifar", "imagenet")) {
      if (parse(named).equals(this)) {
        return named;
      }
    }
    StringBuilder s = new StringBuilder();
    if (maxShift > 0) {
      s.append(",shift=").append(maxShift);
    }
    if (maxRotationDegrees > 0) {
      s.append(",rotate=").append(plain(maxRotationDegrees));
    }
    if (minCropScale > 0) {
      s.append(",crop=").append(plain(minCropScale));
    }
    if (flip) {
      s.append(",flip");
    }
    return s.substring(1);
  }

  private static String plain(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  public static final String SYNTAX =
      "expected none, digits, default, cifar, imagenet, or parts such as"
          + " shift=PIXELS,rotate=DEGREES,crop=MIN_AREA,flip (e.g. shift=2,rotate=10)";

  /**
   * Parses a preset name or {@code shift=K,rotate=D,crop=S,flip} (a part left out is off).
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  public static Augmentation parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("augmentation is empty: " + SYNTAX);
    }
    String t = text.strip().toLowerCase(Locale.ROOT);
    switch (t) {
      case "none":
        return NONE;
      case "default":
        return DEFAULT;
      case "digits":
        return DIGITS;
      case "cifar":
        return CIFAR;
      case "imagenet":
        return IMAGENET;
      default:
        break;
    }
    int shift = 0;
    double rotate = 0;
    double crop = 0;
    boolean flip = false;
    for (String part : t.split(",", -1)) {
      String[] kv = part.split("=", -1);
      String key = kv[0].strip();
      try {
        if (kv.length == 1 && key.equals("flip")) {
          flip = true;
          continue;
        }
        if (kv.length == 2 && key.equals("shift")) {
          shift = Integer.parseInt(kv[1].strip());
          continue;
        }
        if (kv.length == 2 && key.equals("rotate")) {
          rotate = Double.parseDouble(kv[1].strip());
          continue;
        }
        if (kv.length == 2 && key.equals("crop")) {
          crop = Double.parseDouble(kv[1].strip());
          continue;
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "augmentation '" + text + "': '" + part.strip() + "' has no valid number; " + SYNTAX);
      }
      throw new IllegalArgumentException("augmentation '" + text + "' not understood: " + SYNTAX);
    }
    return new Augmentation(shift, rotate, crop, flip);
  }
}
