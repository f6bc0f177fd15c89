package dev.resltj.trainer.model;

/**
 * The network's input and the normalisation it applies itself: {@code y = (x / maxValue - mean) /
 * std}. Inputs are raw pixel values (0..maxValue) so the exported graph carries its own
 * normalisation and callers never re-implement it.
 */
public record InputSpec(
    int channels, int height, int width, float maxValue, float mean, float std) {
  /** MNIST: one channel, 28x28, 0..255, mean and std of the MNIST training set. */
  public static final InputSpec MNIST = new InputSpec(1, 28, 28, 255f, 0.1307f, 0.3081f);

  public InputSpec {
    if (channels < 1 || height < 1 || width < 1) {
      throw new IllegalArgumentException(
          "input shape must be positive, got " + channels + "x" + height + "x" + width);
    }
    if (!(maxValue > 0f) || !(std > 0f) || !Float.isFinite(mean)) {
      throw new IllegalArgumentException(
          "invalid normalisation: maxValue=" + maxValue + ", mean=" + mean + ", std=" + std);
    }
  }
}
