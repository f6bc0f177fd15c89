package dev.resltj.trainer.model;

/**
 * Options of the MNIST trunk: two stages at 28x28 and 14x14, each {@code convsPerStage} 3x3
 * convolutions (with BatchNorm when {@code batchNorm}) and ReLU, then 2x2 max pooling; the first
 * stage has {@code width} channels, the second twice as many. The output is 7x7x(2 width).
 */
public record MnistTrunk(int width, int convsPerStage, boolean batchNorm) {
  /** The floor: Conv3x3(32) and Conv3x3(64), each with pooling, no BatchNorm. */
  public static final MnistTrunk BASIC = new MnistTrunk(32, 1, false);

  /** Four 3x3 convolutions (32, 32, 64, 64) with BatchNorm: the trunk of the PyTorch comparison. */
  public static final MnistTrunk DEEP_BN = new MnistTrunk(32, 2, true);

  public MnistTrunk {
    if (width < 1 || width > 1024) {
      throw new IllegalArgumentException("trunk width must be in 1..1024, got " + width);
    }
    if (convsPerStage < 1 || convsPerStage > 8) {
      throw new IllegalArgumentException("convsPerStage must be in 1..8, got " + convsPerStage);
    }
  }

  /** Channels of the trunk's output. */
  public int outChannels() {
    return 2 * width;
  }
}
