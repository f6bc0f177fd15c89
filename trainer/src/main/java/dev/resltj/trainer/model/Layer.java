package dev.resltj.trainer.model;

/**
 * One layer of a network described as data. The DJL builder and the ONNX exporter both switch over
 * these records, so a layer that one side does not know is a compile error, not a silent wrong graph.
 */
public sealed interface Layer
    permits Layer.Conv, Layer.BatchNorm, Layer.Relu, Layer.LeakyRelu, Layer.MaxPool, Layer.Dropout {

  /** 2-D convolution, square kernel. */
  record Conv(int outChannels, int kernel, int stride, int padding, boolean bias) implements Layer {
    public Conv {
      positive("outChannels", outChannels);
      positive("kernel", kernel);
      positive("stride", stride);
      if (padding < 0) {
        throw new IllegalArgumentException("padding must be >= 0, got " + padding);
      }
    }
  }

  /** Batch normalisation over channels; {@code epsilon} is the one exported to ONNX. */
  record BatchNorm(float epsilon, float momentum) implements Layer {
    public BatchNorm {
      if (!(epsilon > 0f)) {
        throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
      }
      if (!(momentum > 0f && momentum < 1f)) {
        throw new IllegalArgumentException("momentum must be in (0, 1), got " + momentum);
      }
    }
  }

  record Relu() implements Layer {}

  record LeakyRelu(float slope) implements Layer {
    public LeakyRelu {
      if (!(slope >= 0f && slope < 1f)) {
        throw new IllegalArgumentException("leaky ReLU slope must be in [0, 1), got " + slope);
      }
    }
  }

  /** Max pooling, square window, no padding. */
  record MaxPool(int kernel, int stride) implements Layer {
    public MaxPool {
      positive("kernel", kernel);
      positive("stride", stride);
    }
  }

  /** Dropout while training; the identity at inference (and in the exported graph). */
  record Dropout(float rate) implements Layer {
    public Dropout {
      if (!(rate >= 0f && rate < 1f)) {
        throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
      }
    }
  }

  private static void positive(String what, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(what + " must be >= 1, got " + value);
    }
  }
}
