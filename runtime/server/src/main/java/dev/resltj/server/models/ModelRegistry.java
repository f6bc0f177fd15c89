package dev.resltj.server.models;

import java.util.List;
import java.util.Optional;

/** The models this server serves. */
public interface ModelRegistry {

  /** Every model found at startup, by name, with its state. */
  List<ModelStatus> models();

  /** The state of one model. */
  Optional<ModelStatus> status(String name);

  /**
   * The model to run requests on.
   *
   * @param version a version to check, or empty for the current one
   * @throws UnknownModelException when no model has this name
   * @throws UnknownVersionException when the model has no such version
   * @throws ModelNotReadyException when the model is loading or failed
   */
  LoadedModel require(String name, Optional<String> version);

  /** Checks that a model exists (in any state) with that version and returns its status. */
  ModelStatus requireKnown(String name, Optional<String> version);

  /** True when at least one model was found and every model is loaded and warm. */
  boolean allReady();
}
