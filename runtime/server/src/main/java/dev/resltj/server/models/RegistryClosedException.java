package dev.resltj.server.models;

/** A load or unload asked for while the server shuts down: nothing is loaded any more (503). */
public final class RegistryClosedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RegistryClosedException(String name) {
    super("model '" + name + "' cannot be loaded or unloaded: the server is shutting down");
  }
}
