package dev.resltj.server.models;

/**
 * A load asked for through the repository API failed: the file is not a model this server can run.
 * The model keeps serving the file loaded before, if any.
 */
public final class ModelLoadFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ModelLoadFailedException(String name, String reason) {
    super("model '" + name + "' failed to load: " + reason);
  }
}
