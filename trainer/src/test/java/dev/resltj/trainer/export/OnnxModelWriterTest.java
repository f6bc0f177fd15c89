package dev.resltj.trainer.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.onnx.proto.OnnxMl;
import com.fasterxml.jackson.databind.JsonNode;
import dev.resltj.runtime.OnnxContract;
import dev.resltj.trainer.data.ClassGroups;
import dev.resltj.trainer.data.GroupThresholds;
import dev.resltj.trainer.model.BranchStyle;
import dev.resltj.trainer.model.Head;
import dev.resltj.trainer.model.Layer;
import dev.resltj.trainer.model.MnistTrunk;
import dev.resltj.trainer.model.NetworkBlock;
import dev.resltj.trainer.model.NetworkPresets;
import dev.resltj.trainer.model.NetworkSpec;
import dev.resltj.trainer.storage.JsonFiles;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxModelWriterTest {
  static final ClassGroups MNIST_LT =
      new ClassGroups(
          GroupThresholds.MNIST_LT, List.of(42, 125, 187, 28, 601, 300, 5918, 2698, 1188, 67));

  @Test
  void modelDeclaresOpset17IrVersion8AndItsProducer() {
    OnnxMl.ModelProto model = export(NetworkPresets.mnist(), resltMetadata());
    assertThat(model.getIrVersion()).isEqualTo(8L);
    assertThat(model.getOpsetImportList())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.getDomain()).isEmpty();
              assertThat(o.getVersion()).isEqualTo(17L);
            });
    assertThat(model.getProducerName()).isEqualTo("reslt-train");
    assertThat(model.getProducerVersion()).isNotBlank();
    assertThat(model.getModelVersion()).isEqualTo(1L);
    assertThat(model.getDocString()).contains("ResLT", "paper", "10 classes", "0..255");
  }

  @Test
  void resltGraphTakesImageWithSymbolicBatchAndGivesFusedBranchAndProbabilityOutputs() {
    OnnxMl.GraphProto graph = export(NetworkPresets.mnist(), resltMetadata()).getGraph();
    assertThat(graph.getInputList())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.getName()).isEqualTo("image");
              assertThat(dims(i)).containsExactly("batch", "1", "28", "28");
            });
    assertThat(graph.getOutputList().stream().map(OnnxMl.ValueInfoProto::getName))
        .containsExactly("logits", "probabilities", "logits_hmt", "logits_mt", "logits_t");
    assertThat(graph.getOutputList())
        .allSatisfy(o -> assertThat(dims(o)).containsExactly("batch", "10"));
    OnnxMl.NodeProto sum = node(graph, "Sum");
    assertThat(sum.getInputList()).containsExactly("logits_hmt", "logits_mt", "logits_t");
    assertThat(sum.getOutput(0)).isEqualTo("logits");
    assertThat(node(graph, "Softmax").getAttribute(0).getI()).isEqualTo(-1L);
    // the normalisation comes first, as raw pixels enter
    assertThat(graph.getNode(0).getOpType()).isEqualTo("Div");
    assertThat(graph.getNode(0).getInput(0)).isEqualTo("image");
    assertThat(graph.getNode(1).getOpType()).isEqualTo("Sub");
    assertThat(graph.getNode(2).getOpType()).isEqualTo("Div");
  }

  @Test
  void paperStyleWritesItsSharedClassifierOnceAndSeparateStyleOnePerBranch() {
    OnnxMl.GraphProto paper = export(NetworkPresets.mnist(), resltMetadata()).getGraph();
    assertThat(initializerNames(paper))
        .contains("classifier.weight")
        .noneMatch(n -> n.startsWith("classifier.hmt"));
    assertThat(paper.getNodeList().stream().filter(n -> n.getOpType().equals("Gemm")))
        .hasSize(3)
        .allSatisfy(n -> assertThat(n.getInput(1)).isEqualTo("classifier.weight"));

    OnnxMl.GraphProto separate = export(NetworkPresets.reference(), resltMetadata()).getGraph();
    assertThat(initializerNames(separate))
        .contains("classifier.hmt.weight", "classifier.mt.weight", "classifier.t.bias")
        .doesNotContain("classifier.weight");
  }

  @Test
  void baselineGraphHasOnlyLogitsAndProbabilitiesAndNoAlpha() {
    OnnxMl.ModelProto model =
        export(
            NetworkPresets.mnist(MnistTrunk.DEEP_BN, BranchStyle.SINGLE),
            ExportMetadata.of(MNIST_LT, "ce", OptionalDouble.empty()));
    assertThat(model.getGraph().getOutputList().stream().map(OnnxMl.ValueInfoProto::getName))
        .containsExactly("logits", "probabilities");
    assertThat(node(model.getGraph(), "Gemm").getOutput(0)).isEqualTo("logits");
    assertThat(metadata(model))
        .doesNotContainKey(OnnxContract.KEY_ALPHA)
        .containsEntry(OnnxContract.KEY_BRANCH_STYLE, "single")
        .containsEntry(OnnxContract.KEY_METHOD, "ce");
  }

  @Test
  void initializersAreRawLittleEndianFloat32CopiesOfTheParameters() {
    NetworkSpec spec = NetworkPresets.reference();
    try (NDManager manager = NDManager.newBaseManager()) {
      NetworkBlock block = NetworkBlock.initialized(spec, manager);
      OnnxMl.ModelProto model = OnnxModelWriter.toModel(block, resltMetadata());
      OnnxMl.TensorProto weight =
          model.getGraph().getInitializerList().stream()
              .filter(t -> t.getName().equals("trunk.3.weight"))
              .findFirst()
              .orElseThrow();
      assertThat(weight.getDataType()).isEqualTo(OnnxMl.TensorProto.DataType.FLOAT.getNumber());
      assertThat(weight.getDimsList()).containsExactly(64L, 32L, 3L, 3L);
      assertThat(weight.getFloatDataCount()).isZero();
      float[] stored = new float[64 * 32 * 9];
      ByteBuffer.wrap(weight.getRawData().toByteArray())
          .order(ByteOrder.LITTLE_ENDIAN)
          .asFloatBuffer()
          .get(stored);
      assertThat(stored)
          .containsExactly(block.parameter("trunk.3", "weight").getArray().toFloatArray());
    }
  }

  @Test
  void batchNormIsExportedWithTheEpsilonOfTheSpecAndDropoutAsNoNode() {
    NetworkSpec spec =
        new NetworkSpec(
            NetworkPresets.mnist().input(),
            10,
            List.of(
                new Layer.Conv(8, 3, 1, 1, false),
                new Layer.BatchNorm(1e-3f, 0.8f),
                new Layer.Relu(),
                new Layer.Dropout(0.5f),
                new Layer.MaxPool(2, 2)),
            new Head(1, List.of(), false));
    OnnxMl.GraphProto graph =
        export(spec, ExportMetadata.of(MNIST_LT, "ce", OptionalDouble.empty())).getGraph();
    OnnxMl.NodeProto bn = node(graph, "BatchNormalization");
    assertThat(bn.getAttributeList())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getName()).isEqualTo("epsilon");
              assertThat(a.getF()).isEqualTo(1e-3f);
            });
    assertThat(bn.getInputList())
        .containsExactly(
            "trunk.0",
            "trunk.1.gamma",
            "trunk.1.beta",
            "trunk.1.runningMean",
            "trunk.1.runningVar");
    assertThat(graph.getNodeList()).noneMatch(n -> n.getOpType().equals("Dropout"));
    assertThat(node(graph, "MaxPool").getInput(0)).isEqualTo("trunk.2");
    assertThat(node(graph, "Conv").getInputCount()).as("bias-free conv").isEqualTo(2);
  }

  @Test
  void metadataCarriesTheContractKeysAsJson() throws Exception {
    Map<String, String> props = metadata(export(NetworkPresets.mnist(), resltMetadata()));
    assertThat(props)
        .containsEntry(
            OnnxContract.KEY_LABELS,
            "[\"0\",\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\"]")
        .containsEntry(OnnxContract.KEY_CLASS_COUNTS, "[42,125,187,28,601,300,5918,2698,1188,67]")
        .containsEntry(
            OnnxContract.KEY_CLASS_GROUPS,
            "{\"tail_max\":100,\"medium_max\":1000,\"head\":[6,7,8],\"medium\":[1,2,4,5],"
                + "\"tail\":[0,3,9]}")
        .containsEntry(
            OnnxContract.KEY_INPUT,
            "{\"channels\":1,\"height\":28,\"width\":28,\"value_min\":0,\"value_max\":255,"
                + "\"polarity\":\"light_on_dark\",\"image_kind\":\"drawing\","
                + "\"mean\":[0.1307],\"std\":[0.3081]}")
        .containsEntry(OnnxContract.KEY_DATASET, "mnist")
        .containsEntry(OnnxContract.KEY_METHOD, "reslt")
        .containsEntry(OnnxContract.KEY_ALPHA, "0.5")
        .containsEntry(OnnxContract.KEY_BRANCH_STYLE, "paper")
        .doesNotContainKeys(OnnxContract.KEY_METRICS, OnnxContract.KEY_RUN_CONFIG);
    JsonNode provenance = JsonFiles.mapper().readTree(props.get(OnnxContract.KEY_PROVENANCE));
    assertThat(provenance.get("producer").asText()).isEqualTo("reslt-train");
    assertThat(provenance.get("djlVersion").asText()).isEqualTo("0.36.0");
    assertThat(provenance.get("engineVersion").asText()).isEqualTo("2.7.1");
    assertThat(provenance.has("exportedUtc")).isTrue();
  }

  @Test
  void metadataForAnotherNumberOfClassesIsRefused() {
    ClassGroups three = new ClassGroups(GroupThresholds.MNIST_LT, List.of(5, 500, 5000));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                export(
                    NetworkPresets.mnist(),
                    ExportMetadata.of(three, "ce", OptionalDouble.empty())));
    assertThat(e).hasMessageContaining("3 classes").hasMessageContaining("10");
  }

  @Test
  void blockWithoutParametersIsRefused() {
    NetworkBlock untrained = NetworkBlock.of(NetworkPresets.reference());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> OnnxModelWriter.toModel(untrained, resltMetadata()));
    assertThat(e).hasMessageContaining("no parameters");
  }

  @Test
  void everyBranchStylePassesTheOnnxCheckerWithStrictShapeInference(@TempDir Path dir)
      throws Exception {
    for (NetworkSpec spec :
        List.of(
            NetworkPresets.mnist(MnistTrunk.DEEP_BN, BranchStyle.PAPER),
            NetworkPresets.mnist(MnistTrunk.BASIC, BranchStyle.SEPARATE),
            NetworkPresets.mnist(new MnistTrunk(16, 3, true), BranchStyle.SINGLE),
            NetworkPresets.reference(BranchStyle.SINGLE))) {
      Path file = dir.resolve(spec.head().style().id() + spec.trunk().size() + ".onnx");
      Files.write(
          file,
          export(
                  spec,
                  spec.head().isReslt()
                      ? resltMetadata()
                      : ExportMetadata.of(MNIST_LT, "ce", OptionalDouble.empty()))
              .toByteArray());

      Map<String, String> shapes = OnnxChecker.checkAndInferShapes(file);

      assertThat(shapes)
          .containsEntry("logits", "[batch, 10]")
          .containsEntry("input.normalised", "[batch, 1, 28, 28]");
      String lastTrunk = "trunk." + (spec.trunk().size() - 1);
      assertThat(shapes.get(lastTrunk))
          .isEqualTo("[batch, " + spec.trunkOutput().channels() + ", 7, 7]");
    }
  }

  static ExportMetadata resltMetadata() {
    return ExportMetadata.of(MNIST_LT, "reslt", OptionalDouble.of(0.5));
  }

  private static OnnxMl.ModelProto export(NetworkSpec spec, ExportMetadata metadata) {
    try (NDManager manager = NDManager.newBaseManager()) {
      return OnnxModelWriter.toModel(NetworkBlock.initialized(spec, manager), metadata);
    }
  }

  private static OnnxMl.NodeProto node(OnnxMl.GraphProto graph, String opType) {
    return graph.getNodeList().stream()
        .filter(n -> n.getOpType().equals(opType))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + opType + " node"));
  }

  private static List<String> initializerNames(OnnxMl.GraphProto graph) {
    return graph.getInitializerList().stream().map(OnnxMl.TensorProto::getName).toList();
  }

  static Map<String, String> metadata(OnnxMl.ModelProto model) {
    return model.getMetadataPropsList().stream()
        .collect(
            Collectors.toMap(
                OnnxMl.StringStringEntryProto::getKey, OnnxMl.StringStringEntryProto::getValue));
  }

  private static List<String> dims(OnnxMl.ValueInfoProto value) {
    return value.getType().getTensorType().getShape().getDimList().stream()
        .map(d -> d.hasDimValue() ? Long.toString(d.getDimValue()) : d.getDimParam())
        .toList();
  }
}
