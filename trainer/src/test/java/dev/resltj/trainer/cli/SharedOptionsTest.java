package dev.resltj.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.resltj.trainer.data.GroupThresholds;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The options {@code train} and the {@code data} commands declare once and share. */
class SharedOptionsTest {

  @Test
  void trainKeepsTheDefaultThresholdsWhenTheDataSectionIsUsedWithoutThem() {
    assertThat(trainThresholds()).isEqualTo(GroupThresholds.MNIST_LT);
    assertThat(trainThresholds("--dataset", "fashion-mnist")).isEqualTo(GroupThresholds.MNIST_LT);
    assertThat(trainThresholds("--tail-max", "20")).isEqualTo(new GroupThresholds(20, 1000));
  }

  @Test
  void trainAndDataSplitReadTheThresholdsAlike() {
    String[] args = {"--tail-max", "30", "--medium-max", "300"};
    assertThat(splitThresholds(args)).isEqualTo(trainThresholds(args));
    assertThat(splitThresholds()).isEqualTo(GroupThresholds.MNIST_LT);
  }

  @Test
  void thresholdsInTheWrongOrderAreOneUsageErrorNamingBothOptions() {
    String[] args = {"--tail-max", "500", "--medium-max", "100"};
    UsageException fromTrain = assertThrows(UsageException.class, () -> trainThresholds(args));
    UsageException fromSplit = assertThrows(UsageException.class, () -> splitThresholds(args));
    assertThat(fromTrain).hasMessageStartingWith("--tail-max/--medium-max: ");
    assertThat(fromSplit).hasMessage(fromTrain.getMessage());
  }

  @Test
  void everyCommandThatCanFailTakesVerbose() {
    for (String[] command :
        new String[][] {
          {"train"}, {"evaluate"}, {"export"}, {"data", "fetch"}, {"data", "split"}
        }) {
      CommandLine cli = new CommandLine(new ResltTrainCommand());
      for (String name : command) {
        cli = cli.getSubcommands().get(name);
      }
      assertThat(cli.getCommandSpec().findOption(VerboseOption.NAME))
          .as(String.join(" ", command))
          .isNotNull();
    }
  }

  @Test
  void trainsHelpKeepsTheSharedOptionsInTheirSections() {
    String help = new CommandLine(new TrainCommand()).getUsageMessage();
    int run = help.indexOf("\nRun:");
    int data = help.indexOf("\nData:");
    // searched from each section's heading on: the synopsis above it names every option too
    assertThat(help.indexOf("--verbose", run)).isBetween(run, help.indexOf("\nMethod:"));
    assertThat(help.indexOf("--tail-max", data)).isBetween(data, help.indexOf("\nMachine:"));
    assertThat(help.indexOf("--medium-max", data)).isBetween(data, help.indexOf("\nMachine:"));
  }

  private static GroupThresholds trainThresholds(String... args) {
    TrainCommand command = new TrainCommand();
    new CommandLine(command).parseArgs(args);
    return command.config().data().thresholds();
  }

  private static GroupThresholds splitThresholds(String... args) {
    DataCommand.Split command = new DataCommand.Split();
    new CommandLine(command).parseArgs(args);
    return command.groupThresholds.thresholds();
  }
}
