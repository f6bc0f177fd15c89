package dev.resltj.trainer.cli;

import dev.resltj.trainer.data.GroupThresholds;
import picocli.CommandLine.Option;

/**
 * {@code --tail-max} and {@code --medium-max}, shared by {@code train} (inside its "Data" section,
 * as an argument group) and {@code data split} (as a mixin).
 */
final class GroupThresholdOptions {
  // Picocli does not build a group nobody named on the command line, so the field keeps its own
  // initial value then: the two defaults are written twice on purpose and must stay equal.
  @Option(
      names = "--tail-max",
      paramLabel = "N",
      defaultValue = "100",
      description = "Classes with at most N training images are tail (default: ${DEFAULT-VALUE}).")
  int tailMax = 100;

  @Option(
      names = "--medium-max",
      paramLabel = "N",
      defaultValue = "1000",
      description =
          "Classes with more than --tail-max and at most N training images are medium, the rest"
              + " head (default: ${DEFAULT-VALUE}).")
  int mediumMax = 1000;

  /** The thresholds, or a usage error naming both options. */
  GroupThresholds thresholds() {
    return UsageException.parsing(
        "--tail-max/--medium-max", () -> new GroupThresholds(tailMax, mediumMax));
  }
}
