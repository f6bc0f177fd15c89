package dev.resltj.server.models;

import java.util.Collection;

/** A request named a model the server does not serve. */
public final class UnknownModelException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UnknownModelException(String name, Collection<String> known) {
    super("no model named '" + name + "'; this server serves " + describe(known));
  }

  private static String describe(Collection<String> known) {
    return known.isEmpty() ? "no models" : String.join(", ", known.stream().sorted().toList());
  }
}
