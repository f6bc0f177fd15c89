package dev.resltj.trainer.training;

import dev.resltj.trainer.model.BranchStyle;
import dev.resltj.trainer.model.Initialization;
import dev.resltj.trainer.model.InputSpec;
import dev.resltj.trainer.model.MnistTrunk;
import dev.resltj.trainer.model.NetworkPresets;
import dev.resltj.trainer.model.NetworkSpec;
import java.util.Locale;

/**
 * The network a run trains, in the user's words: a preset ({@code mnist} or {@code reference}), the
 * head's branch style ({@code paper}, {@code separate}, or {@code single} for the baselines) and,
 * for {@code mnist}, the trunk's width, convolutions per stage and BatchNorm; and how its fresh
 * parameters are drawn.
 */
public record NetworkChoice(
    String preset,
    String branchStyle,
    int width,
    int convsPerStage,
    boolean batchNorm,
    Initialization initialization) {

  public NetworkChoice {
    if (initialization == null) {
      throw new IllegalArgumentException("initialization is required");
    }
    if (preset == null || !NetworkPresets.names().contains(preset)) {
      throw new IllegalArgumentException(
          "unknown network '" + preset + "'; expected one of " + NetworkPresets.names());
    }
    style(branchStyle);
    new MnistTrunk(width, convsPerStage, batchNorm);
    if (preset.equals(NetworkPresets.REFERENCE) && style(branchStyle) == BranchStyle.PAPER) {
      throw new IllegalArgumentException(
          "the reference network has separate branches only: use branch style 'separate'");
    }
  }

  private static BranchStyle style(String id) {
    for (BranchStyle s : BranchStyle.values()) {
      if (s.id().equals(id == null ? "" : id.toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown branch style '" + id + "'; expected paper, separate or single");
  }

  public BranchStyle style() {
    return style(branchStyle);
  }

  /** The network for {@code input} images of {@code numClasses} classes, as data. */
  public NetworkSpec toSpec(InputSpec input, int numClasses) {
    return preset.equals(NetworkPresets.REFERENCE)
        ? NetworkPresets.reference(style(), input, numClasses)
        : NetworkPresets.mnist(
            new MnistTrunk(width, convsPerStage, batchNorm), style(), input, numClasses);
  }

  /** The network for MNIST, as data. */
  public NetworkSpec toSpec() {
    return preset.equals(NetworkPresets.REFERENCE)
        ? NetworkPresets.reference(style())
        : NetworkPresets.mnist(new MnistTrunk(width, convsPerStage, batchNorm), style());
  }
}
