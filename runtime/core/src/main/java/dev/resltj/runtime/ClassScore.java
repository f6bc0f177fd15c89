package dev.resltj.runtime;

import java.util.Objects;
import java.util.Optional;

/**
 * One class of a {@link Prediction}.
 *
 * @param label the class label from the model card ({@code "7"}), or {@code "class_7"} for a model
 *     without labels
 * @param index the class index in the model's output
 * @param probability softmax probability of the fused logits, in [0, 1]
 * @param group where the class sits in the long tail; empty when the model does not say
 */
public record ClassScore(String label, int index, float probability, Optional<ClassGroup> group) {
  public ClassScore {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(group, "group");
    if (index < 0) {
      throw new IllegalArgumentException("class index must be >= 0, got " + index);
    }
    if (!(probability >= 0f && probability <= 1f)) {
      throw new IllegalArgumentException(
          "probability of class " + index + " must be in [0, 1], got " + probability);
    }
  }
}
