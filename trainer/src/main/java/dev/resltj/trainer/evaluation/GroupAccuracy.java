package dev.resltj.trainer.evaluation;

import dev.resltj.runtime.ClassGroup;

/**
 * Accuracy over the test images whose true class is in each group, as fractions in [0, 1]; a group
 * with no classes (or no test images) is {@code null}, never NaN.
 */
public record GroupAccuracy(Double head, Double medium, Double tail) {
  public GroupAccuracy {
    Fractions.checkOptional("head accuracy", head);
    Fractions.checkOptional("medium accuracy", medium);
    Fractions.checkOptional("tail accuracy", tail);
  }

  /** The accuracy of one group, or {@code null} when the group is absent. */
  public Double of(ClassGroup group) {
    return switch (group) {
      case HEAD -> head;
      case MEDIUM -> medium;
      case TAIL -> tail;
    };
  }
}
