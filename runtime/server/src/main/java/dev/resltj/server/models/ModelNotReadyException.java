package dev.resltj.server.models;

/** A request named a model that is still loading or failed to load. */
public final class ModelNotReadyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ModelNotReadyException(String name, ModelState state) {
    super("model '" + name + "' is not ready (" + state.describe() + ")");
  }
}
