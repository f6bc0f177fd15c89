package dev.resltj.trainer.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * One layer of a network described as data. The DJL builder and the ONNX exporter both switch over
 * these records through {@link Visitor} (Java 17 has no exhaustive switch over sealed types), so a
 * layer that one side does not know is a compile error, not a silent wrong graph. In JSON ({@code
 * network.json}, {@code run.json}) each layer carries its kind in {@code "type"}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Layer.Conv.class, name = "conv"),
  @JsonSubTypes.Type(value = Layer.BatchNorm.class, name = "batch_norm"),
  @JsonSubTypes.Type(value = Layer.Relu.class, name = "relu"),
  @JsonSubTypes.Type(value = Layer.LeakyRelu.class, name = "leaky_relu"),
  @JsonSubTypes.Type(value = Layer.MaxPool.class, name = "max_pool"),
  @JsonSubTypes.Type(value = Layer.Dropout.class, name = "dropout"),
  @JsonSubTypes.Type(value = Layer.Residual.class, name = "residual"),
  @JsonSubTypes.Type(value = Layer.PadChannels.class, name = "pad_channels")
})
public sealed interface Layer
    permits Layer.Conv,
        Layer.BatchNorm,
        Layer.Relu,
        Layer.LeakyRelu,
        Layer.MaxPool,
        Layer.Dropout,
        Layer.Residual,
        Layer.PadChannels {

  /** Calls the {@code visitor} method for this layer's kind. */
  <R> R accept(Visitor<R> visitor);

  /** One method per kind of layer: adding a kind breaks every visitor until it handles it. */
  interface Visitor<R> {
    R conv(Conv conv);

    R batchNorm(BatchNorm batchNorm);

    R relu(Relu relu);

    R leakyRelu(LeakyRelu leakyRelu);

    R maxPool(MaxPool maxPool);

    R dropout(Dropout dropout);

    R residual(Residual residual);

    R padChannels(PadChannels padChannels);
  }

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

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.conv(this);
    }
  }

  /**
   * Batch normalisation over channels; {@code epsilon} is the one exported to ONNX. {@code
   * momentum} follows DJL: the weight of the old running statistic (DJL's 0.9 is PyTorch's 0.1).
   */
  record BatchNorm(float epsilon, float momentum) implements Layer {
    public BatchNorm {
      if (!(epsilon > 0f)) {
        throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
      }
      if (!(momentum > 0f && momentum < 1f)) {
        throw new IllegalArgumentException("momentum must be in (0, 1), got " + momentum);
      }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.batchNorm(this);
    }
  }

  record Relu() implements Layer {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.relu(this);
    }
  }

  record LeakyRelu(float slope) implements Layer {
    public LeakyRelu {
      if (!(slope >= 0f && slope < 1f)) {
        throw new IllegalArgumentException("leaky ReLU slope must be in [0, 1), got " + slope);
      }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.leakyRelu(this);
    }
  }

  /**
   * Max pooling, square window; {@code padding} cells on each side never win the maximum (as in
   * PyTorch and ONNX). Specs written before padding existed have none and read as 0.
   */
  record MaxPool(int kernel, int stride, int padding) implements Layer {
    @JsonCreator
    public MaxPool {
      positive("kernel", kernel);
      positive("stride", stride);
      // PyTorch refuses more: a window could then cover padding only
      if (padding < 0 || padding > kernel / 2) {
        throw new IllegalArgumentException(
            "max-pool padding must be in 0..kernel/2 (" + kernel / 2 + "), got " + padding);
      }
    }

    /** Without padding. */
    public MaxPool(int kernel, int stride) {
      this(kernel, stride, 0);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.maxPool(this);
    }
  }

  /** Dropout while training; the identity at inference (and in the exported graph). */
  record Dropout(float rate) implements Layer {
    public Dropout {
      if (!(rate >= 0f && rate < 1f)) {
        throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
      }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.dropout(this);
    }
  }

  /**
   * A residual block: {@code body(x) + shortcut(x)}, where an empty {@code shortcut} is the
   * identity. Both paths must give the same shape (checked when a spec is built); the activation
   * after the sum is the next layer of the enclosing list. Its layers' parameters are named {@code
   * <path>.body.<j>} and {@code <path>.shortcut.<j>}.
   */
  record Residual(List<Layer> body, List<Layer> shortcut) implements Layer {
    public Residual {
      if (body == null || body.isEmpty()) {
        throw new IllegalArgumentException("a residual block needs at least one body layer");
      }
      body = List.copyOf(body);
      shortcut = shortcut == null ? List.of() : List.copyOf(shortcut);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.residual(this);
    }
  }

  /**
   * Zero channels added around the input to reach {@code channels}: half of the missing ones
   * before, the rest after. With a stride-2 subsample before it, this is the parameter-free
   * shortcut ("option A") of the CIFAR ResNets.
   */
  record PadChannels(int channels) implements Layer {
    public PadChannels {
      positive("channels", channels);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.padChannels(this);
    }
  }

  private static void positive(String what, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(what + " must be >= 1, got " + value);
    }
  }
}
