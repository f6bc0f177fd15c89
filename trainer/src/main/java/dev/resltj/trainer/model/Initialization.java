package dev.resltj.trainer.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a new network's convolution and linear parameters are drawn. BatchNorm starts at scale 1,
 * shift 0 and unit running statistics in both.
 */
public enum Initialization {
  /**
   * PyTorch's default for {@code Conv2d} and {@code Linear}: weights and biases uniform in {@code
   * +-1/sqrt(fan_in)} (kaiming-uniform with a = sqrt(5)), so recipes tuned in PyTorch carry over.
   */
  PYTORCH("pytorch"),
  /**
   * DJL's default: weights normal with std {@code sqrt(2/fan_in)}, biases zero (about 2.4x wider).
   */
  HE_NORMAL("he-normal");

  private final String id;

  Initialization(String id) {
    this.id = id;
  }

  @JsonValue
  public String id() {
    return id;
  }

  @JsonCreator
  public static Initialization fromId(String text) {
    String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    for (Initialization i : values()) {
      if (i.id.equals(wanted)) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        "unknown initialization '"
            + text
            + "'; expected one of "
            + Arrays.stream(values()).map(Initialization::id).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return id;
  }
}
