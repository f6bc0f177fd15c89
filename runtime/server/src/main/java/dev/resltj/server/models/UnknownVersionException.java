package dev.resltj.server.models;

/** A request named a version a served model does not have. */
public final class UnknownVersionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UnknownVersionException(String model, String version) {
    super(
        "model '"
            + model
            + "' has no version '"
            + version
            + "'; its only version is '"
            + LoadedModel.VERSION
            + "'");
  }
}
