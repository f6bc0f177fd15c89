package dev.resltj.server.models;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a model is in its life.
 *
 * @param phase loading, ready, failed or unloaded
 * @param reason why it failed or was unloaded; for a ready model, why its last reload did not take
 *     (it serves the file loaded before)
 */
public record ModelState(Phase phase, Optional<String> reason) {

  /** The phases a model goes through; a load moves a failed or unloaded model on again. */
  public enum Phase {
    LOADING,
    READY,
    FAILED,
    UNLOADED
  }

  public ModelState {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(reason, "reason");
    if ((phase == Phase.FAILED || phase == Phase.UNLOADED) && reason.isEmpty()) {
      throw new IllegalArgumentException("a " + phase + " model says why");
    }
    if (phase == Phase.LOADING && reason.isPresent()) {
      throw new IllegalArgumentException("a loading model has no reason");
    }
  }

  static ModelState loading() {
    return new ModelState(Phase.LOADING, Optional.empty());
  }

  static ModelState ready() {
    return new ModelState(Phase.READY, Optional.empty());
  }

  /** Ready on the file loaded before, because loading its replacement failed. */
  static ModelState readyDespite(String reloadFailure) {
    return new ModelState(Phase.READY, Optional.of(reloadFailure));
  }

  static ModelState failed(String reason) {
    return new ModelState(Phase.FAILED, Optional.of(reason));
  }

  static ModelState unloaded(String reason) {
    return new ModelState(Phase.UNLOADED, Optional.of(reason));
  }

  public boolean isReady() {
    return phase == Phase.READY;
  }

  /** "ready", "loading", "failed: why", "unloaded: why" or "ready (why)", for messages. */
  public String describe() {
    String name = phase.name().toLowerCase(Locale.ROOT);
    if (reason.isEmpty()) {
      return name;
    }
    return phase == Phase.READY ? name + " (" + reason.get() + ")" : name + ": " + reason.get();
  }
}
