package dev.resltj.trainer.export;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.onnx.proto.OnnxMl;
import dev.resltj.trainer.model.BranchStyle;
import dev.resltj.trainer.model.InputSpec;
import dev.resltj.trainer.model.NetworkBlock;
import dev.resltj.trainer.model.NetworkPresets;
import dev.resltj.trainer.model.NetworkSpec;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** What the exporter writes for the residual networks; their numbers are OnnxParityIT's. */
class ResNetGraphTest {
  private static final InputSpec RGB =
      new InputSpec(3, 32, 32, 255f, List.of(0.5f, 0.5f, 0.5f), List.of(0.25f, 0.25f, 0.25f));

  @Test
  void resnet32HasOneAddPerBlockAndZeroPaddedSubsamplingShortcuts() {
    OnnxMl.GraphProto graph =
        export(NetworkPresets.named("resnet32", BranchStyle.PAPER, RGB, 10, 8));
    assertThat(nodes(graph, "Add")).hasSize(15);
    List<OnnxMl.NodeProto> pads = nodes(graph, "Pad");
    assertThat(pads).hasSize(2);
    // stage 2 goes from 8 to 16 channels: 4 zero channels before, 4 after
    assertThat(initializer(graph, pads.get(0).getInput(1)).getInt64DataList())
        .containsExactly(0L, 4L, 0L, 0L, 0L, 4L, 0L, 0L);
    OnnxMl.NodeProto subsample = nodes(graph, "MaxPool").get(0);
    assertThat(ints(subsample, "kernel_shape")).containsExactly(1L, 1L);
    assertThat(ints(subsample, "strides")).containsExactly(2L, 2L);
    // an identity shortcut adds the block's input itself
    OnnxMl.NodeProto firstAdd = nodes(graph, "Add").get(0);
    assertThat(firstAdd.getInput(1)).isEqualTo("trunk.2");
  }

  @Test
  void resnet18HasAPaddedStemPoolAndProjectionShortcuts() {
    OnnxMl.GraphProto graph =
        export(NetworkPresets.named("resnet18", BranchStyle.SEPARATE, RGB.withSize(64, 64), 10, 8));
    assertThat(nodes(graph, "Add")).hasSize(8);
    assertThat(nodes(graph, "Pad")).isEmpty();
    OnnxMl.NodeProto stemPool = nodes(graph, "MaxPool").get(0);
    assertThat(ints(stemPool, "kernel_shape")).containsExactly(3L, 3L);
    assertThat(ints(stemPool, "pads")).containsExactly(1L, 1L, 1L, 1L);
    OnnxMl.NodeProto stem = nodes(graph, "Conv").get(0);
    assertThat(ints(stem, "strides")).containsExactly(2L, 2L);
    assertThat(ints(stem, "pads")).containsExactly(3L, 3L, 3L, 3L);
    assertThat(graph.getInitializerList().stream().map(OnnxMl.TensorProto::getName))
        .contains("trunk.8.shortcut.0.weight", "trunk.8.shortcut.1.runningVar");
  }

  private static OnnxMl.GraphProto export(NetworkSpec spec) {
    try (NDManager manager = NDManager.newBaseManager()) {
      return OnnxModelWriter.toModel(
              NetworkBlock.initialized(spec, manager),
              ExportMetadata.of(OnnxModelWriterTest.MNIST_LT, "reslt", OptionalDouble.of(0.5)))
          .getGraph();
    }
  }

  private static List<OnnxMl.NodeProto> nodes(OnnxMl.GraphProto graph, String opType) {
    return graph.getNodeList().stream().filter(n -> n.getOpType().equals(opType)).toList();
  }

  private static OnnxMl.TensorProto initializer(OnnxMl.GraphProto graph, String name) {
    return graph.getInitializerList().stream()
        .filter(t -> t.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no initializer " + name));
  }

  private static List<Long> ints(OnnxMl.NodeProto node, String attribute) {
    return node.getAttributeList().stream()
        .filter(a -> a.getName().equals(attribute))
        .findFirst()
        .orElseThrow(() -> new AssertionError(node.getName() + " has no " + attribute))
        .getIntsList();
  }
}
