package dev.resltj.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.resltj.trainer.model.BranchStyle;
import dev.resltj.trainer.model.NetworkPresets;
import dev.resltj.trainer.training.NetworkChoice;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TrainCommandNetworkTest {

  @Test
  void resnetWidthDefaultsToThePresetsAndCanBeNarrowed() {
    assertThat(network("--network", "resnet32").width()).isEqualTo(16);
    assertThat(network("--network", "resnet18").width()).isEqualTo(64);
    NetworkChoice narrow = network("--network", "resnet18", "--width", "16");
    assertThat(narrow.width()).isEqualTo(16);
    assertThat(narrow.style()).isEqualTo(BranchStyle.PAPER);
    assertThat(network().width()).isEqualTo(32);
    assertThat(network("--width", "16").toSpec())
        .isEqualTo(
            NetworkPresets.named(
                "mnist", BranchStyle.PAPER, dev.resltj.trainer.model.InputSpec.MNIST, 10, 16));
  }

  @Test
  void baselineOnAResnetGetsTheSingleHead() {
    assertThat(network("--network", "resnet32", "--method", "ce").style())
        .isEqualTo(BranchStyle.SINGLE);
  }

  @Test
  void mnistTrunkOptionsOnAResnetAreRefusedByName() {
    UsageException e =
        assertThrows(
            UsageException.class, () -> network("--network", "resnet32", "--convs-per-stage", "3"));
    assertThat(e).hasMessageContaining("--convs-per-stage").hasMessageContaining("resnet32");
    assertThrows(UsageException.class, () -> network("--network", "resnet18", "--no-batch-norm"));
  }

  @Test
  void widthOnTheReferenceNetworkIsRefused() {
    UsageException e =
        assertThrows(UsageException.class, () -> network("--network", "reference", "--width", "8"));
    assertThat(e).hasMessageContaining("--width").hasMessageContaining("reference");
  }

  @Test
  void widthOutOfRangeNamesTheOption() {
    UsageException e =
        assertThrows(UsageException.class, () -> network("--network", "resnet18", "--width", "0"));
    assertThat(e).hasMessageContaining("--network").hasMessageContaining("got 0");
  }

  @Test
  void unknownNetworkListsTheResnets() {
    UsageException e = assertThrows(UsageException.class, () -> network("--network", "vgg"));
    assertThat(e).hasMessageContaining("'vgg'").hasMessageContaining("resnet32, resnet18");
  }

  private static NetworkChoice network(String... args) {
    TrainCommand command = new TrainCommand();
    new CommandLine(command).parseArgs(args);
    return command.config().network();
  }
}
