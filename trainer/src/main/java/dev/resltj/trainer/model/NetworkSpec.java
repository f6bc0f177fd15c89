package dev.resltj.trainer.model;

import java.util.List;

/**
 * A whole network as data: input and normalisation, shared trunk, head. The DJL builder turns it
 * into a trainable block and the exporter into an ONNX graph; it is saved in {@code run.json} so a
 * checkpoint can always be rebuilt.
 *
 * <p>Forward contract of the built block: input float32 {@code [N, C, H, W]} raw pixels; output an
 * {@code NDList} of {@code [fused, hmt, mt, t]} logits for a ResLT head, or {@code [logits]} for a
 * single head, each {@code [N, numClasses]}. The block normalises the pixels itself (see {@link
 * InputSpec}); after the trunk each branch applies its layers, global average pooling and a linear
 * classifier; the fused logits are the plain sum of the three branch logits.
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
    // traces the shapes now, so a spec whose pooling leaves nothing is refused before training
    FeatureShape.of(input).after(trunk).after(head.branchLayers());
  }

  /** The shared features the branches read: the trunk's output for one image. */
  public FeatureShape trunkOutput() {
    return FeatureShape.of(input).after(trunk);
  }

  /** What each branch feeds its classifier before pooling: channels are the classifier's inputs. */
  public FeatureShape branchOutput() {
    return trunkOutput().after(head.branchLayers());
  }
}
