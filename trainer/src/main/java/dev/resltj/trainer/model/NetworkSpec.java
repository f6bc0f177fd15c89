package dev.resltj.trainer.model;

import java.util.List;

/**
 * A whole network as data: input and normalisation, shared trunk, head. The DJL builder turns it into
 * a trainable block and the exporter into an ONNX graph; it is saved in {@code run.json} so a
 * checkpoint can always be rebuilt.
 *
 * <p>Forward contract of the built block: input float32 {@code [N, C, H, W]} raw pixels; output an
 * {@code NDList} of {@code [fused, hmt, mt, t]} logits for a ResLT head, or {@code [logits]} for a
 * single head, each {@code [N, numClasses]}.
 */
public record NetworkSpec(InputSpec input, int numClasses, List<Layer> trunk, Head head) {
  public NetworkSpec {
    if (input == null || head == null) {
      throw new IllegalArgumentException("input and head are required");
    }
    if (numClasses < 2) {
      throw new IllegalArgumentException("need at least 2 classes, got " + numClasses);
    }
    trunk = List.copyOf(trunk);
  }
}
