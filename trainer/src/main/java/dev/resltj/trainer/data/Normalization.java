package dev.resltj.trainer.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Per-channel mean and standard deviation of pixel values scaled to 0..1, which the network
 * subtracts and divides by as its first step (and the exported graph with it).
 *
 * <p>CLI form ({@code --normalize}): {@code MEAN[,MEAN,MEAN]:STD[,STD,STD]}, e.g. {@code
 * 0.5,0.5,0.5:0.25,0.25,0.25}; one value stands for every channel; {@code imagenet} is ImageNet's
 * usual 0.485,0.456,0.406:0.229,0.224,0.225.
 */
public record Normalization(List<Float> mean, List<Float> std) {
  public static final Normalization IMAGENET =
      new Normalization(List.of(0.485f, 0.456f, 0.406f), List.of(0.229f, 0.224f, 0.225f));

  public static final String SYNTAX =
      "expected MEAN[,MEAN,MEAN]:STD[,STD,STD] with pixel values scaled to 0..1 (e.g."
          + " 0.5:0.25 or 0.49,0.48,0.45:0.25,0.24,0.26), or imagenet";

  public Normalization {
    mean = List.copyOf(mean);
    std = List.copyOf(std);
    if (mean.isEmpty() || mean.size() != std.size()) {
      throw new IllegalArgumentException(
          "need as many means as standard deviations, got " + mean + " and " + std);
    }
    for (int c = 0; c < mean.size(); c++) {
      if (!Float.isFinite(mean.get(c)) || !(std.get(c) > 0) || !Float.isFinite(std.get(c))) {
        throw new IllegalArgumentException(
            "channel " + c + ": mean must be finite and std positive, got " + mean + ":" + std);
      }
    }
  }

  /**
   * Parses the CLI form.
   *
   * @throws IllegalArgumentException showing the accepted form
   */
  public static Normalization parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("normalisation is empty: " + SYNTAX);
    }
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.equals("imagenet")) {
      return IMAGENET;
    }
    String[] parts = t.split(":", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException("normalisation '" + text + "': " + SYNTAX);
    }
    return new Normalization(numbers(text, parts[0]), numbers(text, parts[1]));
  }

  private static List<Float> numbers(String text, String part) {
    List<Float> out = new ArrayList<>();
    for (String v : part.split(",", -1)) {
      try {
        out.add(Float.parseFloat(v.strip()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "normalisation '" + text + "': '" + v.strip() + "' is not a number; " + SYNTAX);
      }
    }
    return out;
  }

  /** This normalisation for {@code channels} channels (one value stands for all). */
  public Normalization forChannels(int channels) {
    if (mean.size() == channels) {
      return this;
    }
    if (mean.size() == 1) {
      return new Normalization(
          java.util.Collections.nCopies(channels, mean.get(0)),
          java.util.Collections.nCopies(channels, std.get(0)));
    }
    throw new IllegalArgumentException(
        "gives " + mean.size() + " channels' values but the images have " + channels);
  }

  /** The CLI form. */
  public String cliForm() {
    StringBuilder s = new StringBuilder();
    for (int c = 0; c < mean.size(); c++) {
      s.append(c == 0 ? "" : ",").append(mean.get(c));
    }
    s.append(':');
    for (int c = 0; c < std.size(); c++) {
      s.append(c == 0 ? "" : ",").append(std.get(c));
    }
    return s.toString();
  }

  /**
   * Mean and standard deviation of each channel over up to {@code maxImages} images of {@code
   * images}, evenly spaced (every image of a smaller set), pixels scaled to 0..1.
   */
  public static Normalization measure(ImageSet images, int maxImages) {
    int n = Math.min(images.size(), maxImages);
    if (n == 0) {
      throw new IllegalArgumentException("no image to measure the normalisation on");
    }
    int channels = images.channels();
    int plane = images.height() * images.width();
    int size = images.imageSize();
    double[] sum = new double[channels];
    double[] sumSq = new double[channels];
    int chunk = Math.max(1, Math.min(n, 256));
    float[] buf = new float[chunk * size];
    int[] picks = new int[n];
    for (int i = 0; i < n; i++) {
      picks[i] = (int) ((long) i * images.size() / n);
    }
    for (int from = 0; from < n; from += chunk) {
      int count = Math.min(chunk, n - from);
      ImageSet part = images.select(java.util.Arrays.copyOfRange(picks, from, from + count));
      part.copyRange(0, count, buf);
      for (int i = 0; i < count; i++) {
        for (int c = 0; c < channels; c++) {
          int base = i * size + c * plane;
          double s = 0;
          double sq = 0;
          for (int p = 0; p < plane; p++) {
            double v = buf[base + p] / 255.0;
            s += v;
            sq += v * v;
          }
          sum[c] += s;
          sumSq[c] += sq;
        }
      }
    }
    List<Float> mean = new ArrayList<>();
    List<Float> std = new ArrayList<>();
    double count = (double) n * plane;
    for (int c = 0; c < channels; c++) {
      double m = sum[c] / count;
      double var = Math.max(0, sumSq[c] / count - m * m);
      mean.add((float) m);
      // a constant channel would divide by 0: keep it as it is
      std.add((float) Math.max(Math.sqrt(var), 1e-3));
    }
    return new Normalization(mean, std);
  }
}
