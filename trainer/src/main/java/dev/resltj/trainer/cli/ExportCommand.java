package dev.resltj.trainer.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its owner lands the real command. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "(not built yet)")
public final class ExportCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("error: 'export' is not built yet");
    return ExitCodes.FAILURE;
  }
}
