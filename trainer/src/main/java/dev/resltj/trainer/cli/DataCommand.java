package dev.resltj.trainer.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its owner lands the real command. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "(not built yet)")
public final class DataCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("error: 'data' is not built yet");
    return ExitCodes.FAILURE;
  }
}
