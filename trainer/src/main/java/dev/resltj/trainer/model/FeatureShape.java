package dev.resltj.trainer.model;

/**
 * The shape {@code [channels, height, width]} of one image's feature map, traced layer by layer so
 * a spec whose pooling would shrink the map to nothing is refused when it is built, not
 * mid-training.
 */
public record FeatureShape(int channels, int height, int width) {
  public FeatureShape {
    if (channels < 1 || height < 1 || width < 1) {
      throw new IllegalArgumentException(
          "feature map must be at least 1x1x1, got " + channels + "x" + height + "x" + width);
    }
  }

  public static FeatureShape of(InputSpec input) {
    return new FeatureShape(input.channels(), input.height(), input.width());
  }

  /** The shape after {@code layer}; a layer that would leave less than 1x1 is refused. */
  public FeatureShape after(Layer layer) {
    return layer.accept(
        new Layer.Visitor<>() {
          @Override
          public FeatureShape conv(Layer.Conv c) {
            return shrunk(c, c.outChannels(), c.kernel(), c.stride(), c.padding());
          }

          @Override
          public FeatureShape maxPool(Layer.MaxPool p) {
            return shrunk(p, channels, p.kernel(), p.stride(), p.padding());
          }

          @Override
          public FeatureShape batchNorm(Layer.BatchNorm b) {
            return FeatureShape.this;
          }

          @Override
          public FeatureShape relu(Layer.Relu r) {
            return FeatureShape.this;
          }

          @Override
          public FeatureShape leakyRelu(Layer.LeakyRelu r) {
            return FeatureShape.this;
          }

          @Override
          public FeatureShape dropout(Layer.Dropout d) {
            return FeatureShape.this;
          }

          @Override
          public FeatureShape residual(Layer.Residual r) {
            FeatureShape body = after(r.body());
            FeatureShape shortcut = after(r.shortcut());
            if (!body.equals(shortcut)) {
              throw new IllegalArgumentException(
                  "residual block on a "
                      + FeatureShape.this
                      + " input: its body gives "
                      + body
                      + ", its shortcut "
                      + shortcut
                      + "; the two must match to be added");
            }
            return body;
          }

          @Override
          public FeatureShape padChannels(Layer.PadChannels p) {
            if (p.channels() < channels) {
              throw new IllegalArgumentException(
                  p + " cannot shrink a " + FeatureShape.this + " input");
            }
            return new FeatureShape(p.channels(), height, width);
          }
        });
  }

  /** The shape after every layer of {@code layers}, in order. */
  public FeatureShape after(Iterable<Layer> layers) {
    FeatureShape shape = this;
    for (Layer layer : layers) {
      shape = shape.after(layer);
    }
    return shape;
  }

  private FeatureShape shrunk(Layer layer, int outChannels, int kernel, int stride, int padding) {
    if (height + 2 * padding < kernel || width + 2 * padding < kernel) {
      throw new IllegalArgumentException(
          layer
              + " needs at least a "
              + kernel
              + "x"
              + kernel
              + " input, got "
              + height
              + "x"
              + width);
    }
    int h = (height + 2 * padding - kernel) / stride + 1;
    int w = (width + 2 * padding - kernel) / stride + 1;
    return new FeatureShape(outChannels, h, w);
  }

  @Override
  public String toString() {
    return channels + "x" + height + "x" + width;
  }
}
