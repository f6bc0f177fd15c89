package dev.resltj.server.models;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a model is in its life.
 *
 * @param phase loading, ready or failed
 * @param reason why it failed (empty otherwise)
 */
public record ModelState(Phase phase, Optional<String> reason) {

  /** The phases a model goes through; {@code FAILED} is final. */
  public enum Phase {
    LOADING,
    READY,
    FAILED
  }

  public ModelState {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(reason, "reason");
    if ((phase == Phase.FAILED) != reason.isPresent()) {
      throw new IllegalArgumentException("a reason is given exactly when the model failed");
    }
  }

  static ModelState loading() {
    return new ModelState(Phase.LOADING, Optional.empty());
  }

  static ModelState ready() {
    return new ModelState(Phase.READY, Optional.empty());
  }

  static ModelState failed(String reason) {
    return new ModelState(Phase.FAILED, Optional.of(reason));
  }

  public boolean isReady() {
    return phase == Phase.READY;
  }

  /** "ready", "loading" or "failed: why", for messages. */
  public String describe() {
    return reason.map(r -> "failed: " + r).orElse(phase.name().toLowerCase(java.util.Locale.ROOT));
  }
}
