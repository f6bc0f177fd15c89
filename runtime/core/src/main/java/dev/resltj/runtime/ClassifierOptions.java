package dev.resltj.runtime;

import java.util.List;
import java.util.Objects;

/**
 * How a {@link ResltClassifier} runs its model and prepares images. Immutable and validated on
 * construction; start from {@link #defaults()} or {@link #builder()}.
 *
 * @param intraOpThreads threads ONNX Runtime uses inside one run. Default 1: for small CNNs on a
 *     few cores, parallelising one run costs more in synchronisation than it saves, and servers get
 *     their parallelism from concurrent requests instead.
 * @param graphOptimization ONNX Runtime's graph optimisation level (default {@link
 *     GraphOptimization#ALL})
 * @param cuda ask for the CUDA execution provider; when it is missing the classifier logs a warning
 *     and runs on CPU
 * @param cudaDevice CUDA device id used when {@code cuda} is set
 * @param warmUpBatchSizes batch sizes run once with a blank input at load, so the first real calls
 *     are not slow (ONNX Runtime allocates and tunes on the first run of each shape); empty for
 *     none
 * @param maxImageWidth images wider than this are refused from their header, before decoding
 * @param maxImageHeight images taller than this are refused from their header, before decoding
 * @param minImageSize images narrower or shorter than this are refused as too small to classify
 * @param topK classes returned per prediction, most probable first (capped at the class count)
 * @param includeLogits also return the fused logits of every class with each prediction
 * @param autoInvert invert an image whose polarity (estimated from its border) is opposite to the
 *     model's, for example a dark digit on white paper for an MNIST model
 * @param centreByMass fit the ink into the model's frame the way MNIST was made: the bounding box
 *     of the ink scaled into a 20x20 box (for 28x28) and centred by its centre of mass. Worth
 *     turning on for hand-drawn or photographed digits; leave off for images already shaped like
 *     the training data.
 */
public record ClassifierOptions(
    int intraOpThreads,
    GraphOptimization graphOptimization,
    boolean cuda,
    int cudaDevice,
    List<Integer> warmUpBatchSizes,
    int maxImageWidth,
    int maxImageHeight,
    int minImageSize,
    int topK,
    boolean includeLogits,
    boolean autoInvert,
    boolean centreByMass) {

  /** Default limit on either side of an image, in pixels. */
  public static final int DEFAULT_MAX_IMAGE_SIDE = 4096;

  public ClassifierOptions {
    Objects.requireNonNull(graphOptimization, "graphOptimization");
    Objects.requireNonNull(warmUpBatchSizes, "warmUpBatchSizes");
    warmUpBatchSizes = List.copyOf(warmUpBatchSizes);
    if (intraOpThreads < 1) {
      throw new IllegalArgumentException("intraOpThreads must be >= 1, got " + intraOpThreads);
    }
    if (cudaDevice < 0) {
      throw new IllegalArgumentException("cudaDevice must be >= 0, got " + cudaDevice);
    }
    for (int size : warmUpBatchSizes) {
      if (size < 1) {
        throw new IllegalArgumentException(
            "warm-up batch sizes must be >= 1, got " + warmUpBatchSizes);
      }
    }
    if (maxImageWidth < 1 || maxImageHeight < 1) {
      throw new IllegalArgumentException(
          "maximum image size must be positive, got " + maxImageWidth + "x" + maxImageHeight);
    }
    if (minImageSize < 1 || minImageSize > Math.min(maxImageWidth, maxImageHeight)) {
      throw new IllegalArgumentException(
          "minImageSize must be between 1 and the maximum image side, got " + minImageSize);
    }
    if (topK < 1) {
      throw new IllegalArgumentException("topK must be >= 1, got " + topK);
    }
  }

  /** The defaults: 1 thread, full optimisation, CPU, warm-up at batch 1, 4096x4096, top 5. */
  public static ClassifierOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options, to change a few. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.intraOpThreads = intraOpThreads;
    b.graphOptimization = graphOptimization;
    b.cuda = cuda;
    b.cudaDevice = cudaDevice;
    b.warmUpBatchSizes = warmUpBatchSizes;
    b.maxImageWidth = maxImageWidth;
    b.maxImageHeight = maxImageHeight;
    b.minImageSize = minImageSize;
    b.topK = topK;
    b.includeLogits = includeLogits;
    b.autoInvert = autoInvert;
    b.centreByMass = centreByMass;
    return b;
  }

  /** Builds {@link ClassifierOptions}; every setter has the default documented on the record. */
  public static final class Builder {
    private int intraOpThreads = 1;
    private GraphOptimization graphOptimization = GraphOptimization.ALL;
    private boolean cuda;
    private int cudaDevice;
    private List<Integer> warmUpBatchSizes = List.of(1);
    private int maxImageWidth = DEFAULT_MAX_IMAGE_SIDE;
    private int maxImageHeight = DEFAULT_MAX_IMAGE_SIDE;
    private int minImageSize = 8;
    private int topK = 5;
    private boolean includeLogits;
    private boolean autoInvert = true;
    private boolean centreByMass;

    private Builder() {}

    public Builder intraOpThreads(int threads) {
      this.intraOpThreads = threads;
      return this;
    }

    public Builder graphOptimization(GraphOptimization level) {
      this.graphOptimization = level;
      return this;
    }

    /** Asks for CUDA device 0 (with CPU fallback). */
    public Builder cuda(boolean cuda) {
      this.cuda = cuda;
      return this;
    }

    public Builder cudaDevice(int device) {
      this.cudaDevice = device;
      return this;
    }

    /** Turns the warm-up run at load on (batch 1) or off. */
    public Builder warmUp(boolean warmUp) {
      this.warmUpBatchSizes = warmUp ? List.of(1) : List.of();
      return this;
    }

    /** Warms up each of these batch sizes at load (for servers that batch). */
    public Builder warmUpBatchSizes(List<Integer> sizes) {
      this.warmUpBatchSizes = sizes;
      return this;
    }

    public Builder maxImageSize(int width, int height) {
      this.maxImageWidth = width;
      this.maxImageHeight = height;
      return this;
    }

    public Builder minImageSize(int side) {
      this.minImageSize = side;
      return this;
    }

    public Builder topK(int k) {
      this.topK = k;
      return this;
    }

    public Builder includeLogits(boolean include) {
      this.includeLogits = include;
      return this;
    }

    public Builder autoInvert(boolean autoInvert) {
      this.autoInvert = autoInvert;
      return this;
    }

    public Builder centreByMass(boolean centre) {
      this.centreByMass = centre;
      return this;
    }

    public ClassifierOptions build() {
      return new ClassifierOptions(
          intraOpThreads,
          graphOptimization,
          cuda,
          cudaDevice,
          warmUpBatchSizes,
          maxImageWidth,
          maxImageHeight,
          minImageSize,
          topK,
          includeLogits,
          autoInvert,
          centreByMass);
    }
  }
}
