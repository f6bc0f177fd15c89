package dev.resltj.trainer.data;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What the images look like, for whoever prepares a user's image for the model: a drawing or
 * scanned digit must become light strokes on black (the MNIST family), a photo is used as it is.
 */
public enum ImageStyle {
  /** Light digits, strokes or objects centred on a black background (MNIST, Fashion-MNIST). */
  LINE_ART("line-art"),
  /** Photographs: no polarity change, the colours as they are. */
  PHOTO("photo");

  private final String id;

  ImageStyle(String id) {
    this.id = id;
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
