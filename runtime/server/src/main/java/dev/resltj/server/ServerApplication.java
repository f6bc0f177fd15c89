package dev.resltj.server;

import io.micronaut.runtime.Micronaut;

/** Starts the ResLT-J inference server. */
public final class ServerApplication {
  private ServerApplication() {}

  public static void main(String[] args) {
    Micronaut.run(ServerApplication.class, args);
  }
}
