package dev.resltj.runtime;

import java.util.Locale;

/**
 * Where a class sits in the long tail, decided by its number of training images. ResLT trains one
 * branch on all classes, one on medium and tail classes, one on tail classes.
 */
public enum ClassGroup {
  HEAD,
  MEDIUM,
  TAIL;

  /** The lower-case name used in JSON, metadata and reports. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@link #id()} (case-insensitive). */
  public static ClassGroup fromId(String id) {
    for (ClassGroup g : values()) {
      if (g.id().equalsIgnoreCase(id)) {
        return g;
      }
    }
    throw new IllegalArgumentException(
        "unknown class group '" + id + "': expected head, medium or tail");
  }
}
