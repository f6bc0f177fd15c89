package dev.resltj.runtime;

import java.util.List;
import java.util.Objects;

/**
 * A float32 tensor of the model's signature.
 *
 * @param name the tensor name in the graph
 * @param shape its dimensions; {@code -1} for a variable dimension (the batch)
 */
public record TensorSpec(String name, List<Long> shape) {
  public TensorSpec {
    Objects.requireNonNull(name, "name");
    shape = List.copyOf(shape);
    for (long d : shape) {
      if (d < -1) {
        throw new IllegalArgumentException("dimension of " + name + " must be >= -1: " + shape);
      }
    }
  }

  /** The element type, as the Open Inference Protocol names it. */
  public String datatype() {
    return "FP32";
  }
}
