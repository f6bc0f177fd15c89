package dev.resltj.runtime;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the model says about one image.
 *
 * @param topK the most probable classes, most probable first (at least one)
 * @param logits the fused logits of every class, when {@link ClassifierOptions#includeLogits()} is
 *     set
 */
public record Prediction(List<ClassScore> topK, Optional<Logits> logits) {
  public Prediction {
    topK = List.copyOf(topK);
    Objects.requireNonNull(logits, "logits");
    if (topK.isEmpty()) {
      throw new IllegalArgumentException("a prediction needs at least one class");
    }
  }

  /** The most probable class. */
  public ClassScore best() {
    return topK.get(0);
  }

  /** The label of the most probable class. */
  public String label() {
    return best().label();
  }

  /** The probability of the most probable class. */
  public float probability() {
    return best().probability();
  }
}
