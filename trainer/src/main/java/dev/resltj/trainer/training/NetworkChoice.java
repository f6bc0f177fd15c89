package dev.resltj.trainer.training;

import dev.resltj.trainer.model.BranchStyle;
import dev.resltj.trainer.model.Initialization;
import dev.resltj.trainer.model.InputSpec;
import dev.resltj.trainer.model.MnistTrunk;
import dev.resltj.trainer.model.NetworkPresets;
import dev.resltj.trainer.model.NetworkSpec;
import java.util.Locale;

/**
 * The network a run trains, in the user's words: a preset ({@code mnist}, {@code reference}, {@code
 * resnet32} or {@code resnet18}), the head's branch style ({@code paper}, {@code separate}, or
 * {@code single} for the baselines), the channels of the first stage ({@code width}; the {@code
 * reference} network ignores it), for {@code mnist} also convolutions per stage and BatchNorm (the
 * others ignore both); and how its fresh parameters are drawn.
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
    if (preset.equals(NetworkPresets.MNIST)) {
      new MnistTrunk(width, convsPerStage, batchNorm);
    } else if (NetworkPresets.hasWidth(preset) && (width < 1 || width > NetworkPresets.MAX_WIDTH)) {
      throw new IllegalArgumentException(
          "width (channels of the first stage) must be in 1.."
              + NetworkPresets.MAX_WIDTH
              + ", got "
              + width);
    }
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

  /** The network as data, for MNIST's 28x28 digits and 10 classes. */
  public NetworkSpec toSpec() {
    return toSpec(InputSpec.MNIST, 10);
  }

  /** The network as data, for images of {@code input} and {@code numClasses} classes. */
  public NetworkSpec toSpec(InputSpec input, int numClasses) {
    return switch (preset) {
      case NetworkPresets.MNIST ->
          NetworkPresets.mnist(
              new MnistTrunk(width, convsPerStage, batchNorm), style(), input, numClasses);
      case NetworkPresets.REFERENCE -> NetworkPresets.reference(style(), input, numClasses);
      default -> NetworkPresets.named(preset, style(), input, numClasses, width);
    };
  }
}
