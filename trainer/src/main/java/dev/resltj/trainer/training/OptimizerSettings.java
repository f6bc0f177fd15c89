package dev.resltj.trainer.training;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The optimiser: Adam (L2 weight decay added to the gradient, or decoupled as in AdamW) or SGD with
 * Nesterov momentum.
 */
public record OptimizerSettings(
    Kind kind, double momentum, double weightDecay, boolean decoupledWeightDecay) {
  static final double ADAM_BETA1 = 0.9;
  static final double ADAM_BETA2 = 0.999;
  static final double ADAM_EPSILON = 1e-8;

  /** Which optimiser. */
  public enum Kind {
    ADAM,
    SGD;

    @JsonValue
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Kind fromId(String text) {
      for (Kind k : values()) {
        if (k.id().equals(text.strip().toLowerCase(Locale.ROOT))) {
          return k;
        }
      }
      throw new IllegalArgumentException("unknown optimizer '" + text + "'; expected adam or sgd");
    }
  }

  public OptimizerSettings {
    if (kind == null) {
      throw new IllegalArgumentException("optimizer is required");
    }
    if (!(momentum >= 0 && momentum < 1)) {
      throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
    }
    if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
      throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
    }
  }
}
