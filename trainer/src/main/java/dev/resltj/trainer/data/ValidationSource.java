package dev.resltj.trainer.data;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a run's validation images come from; recorded in {@code split.json}. */
public enum ValidationSource {
  /** Balanced, from the training images the long-tail profile did not take (MNIST family). */
  UNUSED("unused-training-images"),
  /** A fraction of each training class, held out of training: the profile leaves nothing spare. */
  FRACTION("fraction-of-training"),
  /** The data's own validation images ({@code DIR/val/} or {@code --val-list}). */
  GIVEN("given");

  private final String id;

  ValidationSource(String id) {
    this.id = id;
  }

  @JsonValue
  public String id() {
    return id;
  }

  @com.fasterxml.jackson.annotation.JsonCreator
  public static ValidationSource fromId(String id) {
    for (ValidationSource s : values()) {
      if (s.id.equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown validation source '"
            + id
            + "': expected unused-training-images,"
            + " fraction-of-training or given");
  }
}
