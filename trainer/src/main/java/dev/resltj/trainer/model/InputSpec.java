package dev.resltj.trainer.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.util.List;

/**
 * The network's input and the normalisation it applies itself, per channel {@code c}: {@code y = (x
 * / maxValue - mean[c]) / std[c]}. Inputs are raw pixel values (0..maxValue) so the exported graph
 * carries its own normalisation and callers never re-implement it.
 *
 * <p>{@code mean} and {@code std} hold one value per channel. Run folders written before colour
 * support hold a single number for each; it is read as a one-element list.
 */
public record InputSpec(
    int channels,
    int height,
    int width,
    float maxValue,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<Float> mean,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<Float> std) {
  /** MNIST: one channel, 28x28, 0..255, mean and std of the MNIST training set. */
  public static final InputSpec MNIST = grayscale(28, 28, 255f, 0.1307f, 0.3081f);

  public InputSpec {
    if (channels < 1 || height < 1 || width < 1) {
      throw new IllegalArgumentException(
          "input shape must be positive, got " + channels + "x" + height + "x" + width);
    }
    if (mean == null || std == null || mean.size() != channels || std.size() != channels) {
      throw new IllegalArgumentException(
          "need one mean and one std per channel ("
              + channels
              + "), got mean="
              + mean
              + ", std="
              + std);
    }
    mean = List.copyOf(mean);
    std = List.copyOf(std);
    boolean valid = maxValue > 0f;
    for (int c = 0; c < channels; c++) {
      valid &= Float.isFinite(mean.get(c)) && std.get(c) > 0f && Float.isFinite(std.get(c));
    }
    if (!valid) {
      throw new IllegalArgumentException(
          "invalid normalisation: maxValue=" + maxValue + ", mean=" + mean + ", std=" + std);
    }
  }

  /** One channel with the given normalisation. */
  public static InputSpec grayscale(int height, int width, float maxValue, float mean, float std) {
    return new InputSpec(1, height, width, maxValue, List.of(mean), List.of(std));
  }

  /** This spec at another size (the normalisation is unchanged). */
  public InputSpec withSize(int newHeight, int newWidth) {
    return new InputSpec(channels, newHeight, newWidth, maxValue, mean, std);
  }

  /** The per-channel means as a float array, in channel order. */
  public float[] meanArray() {
    return toArray(mean);
  }

  /** The per-channel standard deviations as a float array, in channel order. */
  public float[] stdArray() {
    return toArray(std);
  }

  private static float[] toArray(List<Float> values) {
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }
}
