package dev.resltj.trainer.training;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * Learning rate per optimiser step: a linear warm-up from {@code base / warmupSteps} to {@code
 * base} over {@code warmupSteps}, then either a cosine decay to zero at {@code totalSteps}, a step
 * decay (times {@code factor} at each milestone step), or a constant rate.
 */
public record LearningRateSchedule(
    Kind kind,
    double base,
    int warmupSteps,
    int totalSteps,
    List<Integer> milestones,
    double factor) {

  /** The decay after warm-up. */
  public enum Kind {
    COSINE,
    STEPS,
    CONSTANT;

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
      throw new IllegalArgumentException(
          "unknown schedule '" + text + "'; expected cosine, steps or constant");
    }
  }

  public LearningRateSchedule {
    if (kind == null) {
      throw new IllegalArgumentException("schedule kind is required");
    }
    if (!(base > 0) || !Double.isFinite(base)) {
      throw new IllegalArgumentException("learning rate must be positive, got " + base);
    }
    if (totalSteps < 1 || warmupSteps < 0 || warmupSteps > totalSteps) {
      throw new IllegalArgumentException(
          "need 0 <= warm-up steps (" + warmupSteps + ") <= total steps (" + totalSteps + ")");
    }
    if (!(factor > 0 && factor <= 1)) {
      throw new IllegalArgumentException("decay factor must be in (0, 1], got " + factor);
    }
    milestones = List.copyOf(milestones);
  }

  /** The rate of step {@code step} (0-based). */
  public double at(int step) {
    if (step < warmupSteps) {
      return base * (step + 1) / warmupSteps;
    }
    return switch (kind) {
      case CONSTANT -> base;
      case COSINE -> {
        int span = Math.max(1, totalSteps - warmupSteps);
        double progress = Math.min(1.0, (double) (step - warmupSteps) / span);
        yield base * 0.5 * (1 + Math.cos(Math.PI * progress));
      }
      case STEPS -> {
        double rate = base;
        for (int milestone : milestones) {
          if (step >= milestone) {
            rate *= factor;
          }
        }
        yield rate;
      }
    };
  }
}
