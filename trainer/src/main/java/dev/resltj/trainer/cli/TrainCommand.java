package dev.resltj.trainer.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its owner lands the real command. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "(not built yet)")
public final class TrainCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("error: 'train' is not built yet");
    return ExitCodes.FAILURE;
  }
}
