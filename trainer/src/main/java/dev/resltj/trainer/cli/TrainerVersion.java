package dev.resltj.trainer.cli;

import dev.resltj.trainer.provenance.Provenance;
import picocli.CommandLine.IVersionProvider;

/** Version from the jar manifest (falls back to "dev" when run from classes). */
public final class TrainerVersion implements IVersionProvider {
  public static String current() {
    return Provenance.trainerVersion();
  }

  @Override
  public String[] getVersion() {
    return new String[] {"reslt-train " + current()};
  }
}
