package dev.resltj.trainer.export;

import java.util.Locale;

/** How the object stands out from the background in the training images. */
public enum Polarity {
  /** A light object on a dark background: MNIST, Fashion-MNIST, KMNIST. */
  LIGHT_ON_DARK,
  DARK_ON_LIGHT,
  ANY;

  /** The value written to the {@code polarity} field of {@code reslt.input}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
