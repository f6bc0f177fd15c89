package dev.resltj.trainer.data;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.resltj.runtime.ImageKind;
import dev.resltj.runtime.Polarity;

/**
 * What the images look like, for whoever prepares a user's image for the model: a drawing or
 * scanned digit must become light strokes on black (the MNIST family), a photo is used as it is.
 */
public enum ImageStyle {
  /** Light digits, strokes or objects centred on a black background (MNIST, Fashion-MNIST). */
  LINE_ART("line-art", ImageKind.DRAWING, Polarity.LIGHT_ON_DARK),
  /** Photographs: no polarity change, the colours as they are. */
  PHOTO("photo", ImageKind.PHOTO, Polarity.ANY);

  private final String id;
  private final ImageKind imageKind;
  private final Polarity polarity;

  ImageStyle(String id, ImageKind imageKind, Polarity polarity) {
    this.id = id;
    this.imageKind = imageKind;
    this.polarity = polarity;
  }

  /** How the runtime prepares a user's image for a model trained on this style. */
  public ImageKind imageKind() {
    return imageKind;
  }

  /** The strokes' polarity the model expects (the runtime inverts drawings to match). */
  public Polarity polarity() {
    return polarity;
  }

  @JsonValue
  public String id() {
    return id;
  }

  @com.fasterxml.jackson.annotation.JsonCreator
  public static ImageStyle fromId(String id) {
    for (ImageStyle s : values()) {
      if (s.id.equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown image style '" + id + "': expected line-art or photo");
  }
}
