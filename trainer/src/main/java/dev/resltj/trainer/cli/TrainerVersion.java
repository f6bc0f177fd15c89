package dev.resltj.trainer.cli;

import picocli.CommandLine.IVersionProvider;

/** Version from the jar manifest (falls back to "dev" when run from classes). */
public final class TrainerVersion implements IVersionProvider {
  public static String current() {
    String v = TrainerVersion.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"reslt-train " + current()};
  }
}
