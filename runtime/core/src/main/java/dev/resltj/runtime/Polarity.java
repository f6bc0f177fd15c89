package dev.resltj.runtime;

import java.util.Locale;

/**
 * Which way round ink and background are. MNIST is {@link #LIGHT_ON_DARK} (a white digit on black);
 * a photo of a pen digit on paper is {@link #DARK_ON_LIGHT}. The runtime inverts an image whose
 * polarity is opposite to the model's.
 */
public enum Polarity {
  LIGHT_ON_DARK,
  DARK_ON_LIGHT,
  /** The model was trained on both, or we do not know: never invert. */
  ANY;

  /** The lower-case name used in the model metadata ({@code light_on_dark}, ...). */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@link #id()} (case-insensitive). */
  public static Polarity fromId(String id) {
    for (Polarity p : values()) {
      if (p.id().equalsIgnoreCase(id)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown polarity '" + id + "': expected light_on_dark, dark_on_light or any");
  }

  /** The opposite polarity; {@link #ANY} stays {@link #ANY}. */
  public Polarity opposite() {
    return switch (this) {
      case LIGHT_ON_DARK -> DARK_ON_LIGHT;
      case DARK_ON_LIGHT -> LIGHT_ON_DARK;
      case ANY -> ANY;
    };
  }
}
