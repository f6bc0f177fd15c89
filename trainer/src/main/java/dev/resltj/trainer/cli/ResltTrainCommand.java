package dev.resltj.trainer.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code reslt-train}: the trainer's command line. */
@Command(
    name = "reslt-train",
    mixinStandardHelpOptions = true,
    versionProvider = TrainerVersion.class,
    description =
        "Train long-tailed image classifiers with ResLT, evaluate them and export to ONNX.",
    subcommands = {
      DataCommand.class,
      TrainCommand.class,
      EvaluateCommand.class,
      ExportCommand.class,
      CommandLine.HelpCommand.class
    })
public final class ResltTrainCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(System.err);
    return ExitCodes.USAGE;
  }

  public static void main(String[] args) {
    System.exit(CliRunner.run(new ResltTrainCommand(), args));
  }
}
