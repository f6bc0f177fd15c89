package dev.resltj.trainer.export;

import static dev.resltj.trainer.export.OnnxGraphBuilder.integer;
import static dev.resltj.trainer.export.OnnxGraphBuilder.ints;
import static dev.resltj.trainer.export.OnnxGraphBuilder.real;

import ai.onnx.proto.OnnxMl;
import dev.resltj.runtime.ClassGroup;
import dev.resltj.runtime.ModelCard;
import dev.resltj.runtime.OnnxContract;
import dev.resltj.runtime.card.ModelMetadata;
import dev.resltj.trainer.data.ClassGroups;
import dev.resltj.trainer.model.FeatureShape;
import dev.resltj.trainer.model.Head;
import dev.resltj.trainer.model.InputSpec;
import dev.resltj.trainer.model.Layer;
import dev.resltj.trainer.model.NetworkBlock;
import dev.resltj.trainer.model.NetworkSpec;
import dev.resltj.trainer.provenance.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a trained {@link NetworkBlock} into an ONNX model (opset {@value OnnxContract#OPSET}, IR
 * version {@value OnnxContract#IR_VERSION}) by walking its {@link NetworkSpec}: every layer kind
 * has one translation (a {@link Layer.Visitor}), so a kind added to the spec without one here does
 * not compile. Weights are read by their structural names from the block, never by position.
 *
 * <p>The graph: {@code image} (raw pixels) → {@code Div(maxValue)}, {@code Sub(mean)}, {@code
 * Div(std)} → trunk → per branch: its layers, {@code GlobalAveragePool}, {@code Flatten}, {@code
 * Gemm} → {@code logits} (the {@code Sum} of the branch logits for ResLT) → {@code probabilities}
 * ({@code Softmax} on the last axis). BatchNorm is the inference form with the spec's epsilon,
 * Dropout the identity, a residual block the {@code Add} of its body and its shortcut (the block's
 * input itself when the shortcut is empty), {@code PadChannels} a constant {@code Pad} on the
 * channel axis.
 */
public final class OnnxModelWriter {
  static final String BATCH = "batch";
  private static final Map<String, String> BRANCH_OUTPUTS =
      Map.of(
          "hmt", OnnxContract.OUTPUT_LOGITS_HMT,
          "mt", OnnxContract.OUTPUT_LOGITS_MT,
          "t", OnnxContract.OUTPUT_LOGITS_T);

  private OnnxModelWriter() {}

  /** The complete model: graph, initializers, opset, producer fields and metadata. */
  public static OnnxMl.ModelProto toModel(NetworkBlock block, ExportMetadata metadata) {
    NetworkSpec spec = block.spec();
    if (metadata.groups().numClasses() != spec.numClasses()) {
      throw new IllegalArgumentException(
          "metadata describes "
              + metadata.groups().numClasses()
              + " classes, the network has "
              + spec.numClasses());
    }
    if (!block.isInitialized()) {
      throw new IllegalArgumentException(
          "the network has no parameters yet: train or load it first");
    }
    OnnxMl.ModelProto.Builder model =
        OnnxMl.ModelProto.newBuilder()
            .setIrVersion(OnnxContract.IR_VERSION)
            .addOpsetImport(
                OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OnnxContract.OPSET))
            .setProducerName(Provenance.PRODUCER)
            .setProducerVersion(Provenance.trainerVersion())
            .setDomain("dev.resltj")
            .setModelVersion(metadata.modelVersion())
            .setDocString(docString(spec, metadata))
            .setGraph(graph(block, docString(spec, metadata)));
    metadataProps(spec, metadata)
        .forEach(
            (key, value) ->
                model.addMetadataProps(
                    OnnxMl.StringStringEntryProto.newBuilder().setKey(key).setValue(value)));
    return model.build();
  }

  // ---- graph ----

  private static OnnxMl.GraphProto graph(NetworkBlock block, String docString) {
    NetworkSpec spec = block.spec();
    Head head = spec.head();
    InputSpec in = spec.input();
    OnnxGraphBuilder g = new OnnxGraphBuilder("reslt_" + head.style().id(), docString);
    g.input(OnnxContract.INPUT_IMAGE, BATCH, in.channels(), in.height(), in.width());

    // the training normalisation, in the order and precision the DJL block computes it
    long[] scalar = {};
    String x =
        g.node(
            "Div",
            "input.scaled",
            List.of(
                OnnxContract.INPUT_IMAGE, g.initializer("input.max_value", scalar, in.maxValue())));
    // one value per channel, shaped to broadcast over [N, C, H, W] (a scalar for one channel)
    long[] perChannel = in.channels() == 1 ? scalar : new long[] {1, in.channels(), 1, 1};
    x =
        g.node(
            "Sub",
            "input.centred",
            List.of(x, g.initializer("input.mean", perChannel, in.meanArray())));
    x =
        g.node(
            "Div",
            "input.normalised",
            List.of(x, g.initializer("input.std", perChannel, in.stdArray())));

    String features =
        writeAll(g, block, spec.trunk(), NetworkBlock::trunkPath, x, FeatureShape.of(in));
    FeatureShape trunkOutput = spec.trunkOutput();

    List<String> branchLogits = new ArrayList<>();
    for (String branch : head.branchNames()) {
      String b =
          writeAll(
              g,
              block,
              head.branchLayers(),
              i -> NetworkBlock.branchPath(branch, i),
              features,
              trunkOutput);
      String prefix = "branch." + branch;
      b = g.node("GlobalAveragePool", prefix + ".pooled", List.of(b));
      b = g.node("Flatten", prefix + ".features", List.of(b), integer("axis", 1));
      String classifier =
          head.isReslt() && !head.sharedClassifier()
              ? NetworkBlock.classifierPath(branch)
              : NetworkBlock.SHARED_CLASSIFIER;
      String output = head.isReslt() ? BRANCH_OUTPUTS.get(branch) : OnnxContract.OUTPUT_LOGITS;
      branchLogits.add(gemm(g, block, classifier, b, output));
    }
    if (head.isReslt()) {
      // residual fusion: the plain sum of the three branch logits
      g.node("Sum", OnnxContract.OUTPUT_LOGITS, branchLogits);
    }
    g.node(
        "Softmax",
        OnnxContract.OUTPUT_PROBABILITIES,
        List.of(OnnxContract.OUTPUT_LOGITS),
        integer("axis", -1));

    g.output(OnnxContract.OUTPUT_LOGITS, BATCH, spec.numClasses());
    g.output(OnnxContract.OUTPUT_PROBABILITIES, BATCH, spec.numClasses());
    if (head.isReslt()) {
      for (String branch : head.branchNames()) {
        g.output(BRANCH_OUTPUTS.get(branch), BATCH, spec.numClasses());
      }
    }
    return g.build();
  }

  private interface PathOf {
    String path(int index);
  }

  /**
   * Emits {@code layers} in order on {@code input}, whose shape is {@code shape}, and returns the
   * name of the last output ({@code input} itself for no layers: an identity shortcut).
   */
  private static String writeAll(
      OnnxGraphBuilder g,
      NetworkBlock block,
      List<Layer> layers,
      PathOf paths,
      String input,
      FeatureShape shape) {
    String x = input;
    FeatureShape current = shape;
    for (int i = 0; i < layers.size(); i++) {
      x = layers.get(i).accept(new LayerWriter(g, block, paths.path(i), x, current));
      current = current.after(layers.get(i));
    }
    return x;
  }

  /** A DJL {@code Linear} (weight {@code [out, in]}) is {@code Gemm} with {@code transB}. */
  private static String gemm(
      OnnxGraphBuilder g, NetworkBlock block, String path, String input, String output) {
    String weight = path + ".weight";
    String bias = path + ".bias";
    if (!g.hasInitializer(weight)) {
      g.initializer(weight, block.parameter(path, "weight").getArray());
      g.initializer(bias, block.parameter(path, "bias").getArray());
    }
    return g.node("Gemm", output, List.of(input, weight, bias), integer("transB", 1));
  }

  /** Emits the nodes of one spec layer and returns the name of its output. */
  private static final class LayerWriter implements Layer.Visitor<String> {
    private final OnnxGraphBuilder g;
    private final NetworkBlock block;
    private final String path;
    private final String input;
    private final FeatureShape inputShape;

    LayerWriter(
        OnnxGraphBuilder g,
        NetworkBlock block,
        String path,
        String input,
        FeatureShape inputShape) {
      this.g = g;
      this.block = block;
      this.path = path;
      this.input = input;
      this.inputShape = inputShape;
    }

    @Override
    public String conv(Layer.Conv conv) {
      List<String> inputs = new ArrayList<>();
      inputs.add(input);
      inputs.add(param("weight"));
      if (conv.bias()) {
        inputs.add(param("bias"));
      }
      int k = conv.kernel();
      int s = conv.stride();
      int p = conv.padding();
      return g.node(
          "Conv",
          path,
          inputs,
          ints("kernel_shape", k, k),
          ints("strides", s, s),
          ints("pads", p, p, p, p),
          ints("dilations", 1, 1),
          integer("group", 1));
    }

    @Override
    public String batchNorm(Layer.BatchNorm batchNorm) {
      return g.node(
          "BatchNormalization",
          path,
          List.of(input, param("gamma"), param("beta"), param("runningMean"), param("runningVar")),
          real("epsilon", batchNorm.epsilon()));
    }

    @Override
    public String relu(Layer.Relu relu) {
      return g.node("Relu", path, List.of(input));
    }

    @Override
    public String leakyRelu(Layer.LeakyRelu leakyRelu) {
      return g.node("LeakyRelu", path, List.of(input), real("alpha", leakyRelu.slope()));
    }

    @Override
    public String maxPool(Layer.MaxPool pool) {
      int k = pool.kernel();
      int s = pool.stride();
      int p = pool.padding();
      return g.node(
          "MaxPool",
          path,
          List.of(input),
          ints("kernel_shape", k, k),
          ints("strides", s, s),
          ints("pads", p, p, p, p));
    }

    @Override
    public String residual(Layer.Residual residual) {
      String body =
          writeAll(
              g, block, residual.body(), j -> NetworkBlock.bodyPath(path, j), input, inputShape);
      String shortcut =
          writeAll(
              g,
              block,
              residual.shortcut(),
              j -> NetworkBlock.shortcutPath(path, j),
              input,
              inputShape);
      return g.node("Add", path, List.of(body, shortcut));
    }

    @Override
    public String padChannels(Layer.PadChannels pad) {
      long missing = pad.channels() - inputShape.channels();
      long before = missing / 2;
      // ONNX's order: every axis's start, then every axis's end, for [N, C, H, W]
      String pads =
          g.int64Initializer(
              path + ".pads", new long[] {8}, 0, before, 0, 0, 0, missing - before, 0, 0);
      // mode "constant" with no constant_value input: zeros
      return g.node("Pad", path, List.of(input, pads));
    }

    @Override
    public String dropout(Layer.Dropout dropout) {
      // the identity at inference: no node, the next layer reads this layer's input
      return input;
    }

    private String param(String kind) {
      return g.initializer(path + "." + kind, block.parameter(path, kind).getArray());
    }
  }

  // ---- metadata ----

  static String docString(NetworkSpec spec, ExportMetadata metadata) {
    Head head = spec.head();
    String kind =
        head.isReslt()
            ? "ResLT classifier ("
                + head.style().id()
                + " branches h+m+t, m+t, t; logits = their sum)"
            : "single-head classifier";
    return kind
        + " over "
        + spec.numClasses()
        + " classes, trained with '"
        + metadata.method()
        + "'. Input 'image': float32 [batch, "
        + spec.input().channels()
        + ", "
        + spec.input().height()
        + ", "
        + spec.input().width()
        + "] raw pixels 0.."
        + formatNumber(spec.input().maxValue())
        + " (normalised inside the graph). Outputs "
        + "'logits' and 'probabilities' [batch, "
        + spec.numClasses()
        + "].";
  }

  static Map<String, String> metadataProps(NetworkSpec spec, ExportMetadata metadata) {
    ClassGroups groups = metadata.groups();
    InputSpec in = spec.input();
    try {
      return new ModelMetadata(
              metadata.labels(),
              groups.classCounts(),
              new ModelCard.Groups(
                  groups.thresholds().tailMax(),
                  groups.thresholds().mediumMax(),
                  groups.classesIn(ClassGroup.HEAD),
                  groups.classesIn(ClassGroup.MEDIUM),
                  groups.classesIn(ClassGroup.TAIL)),
              new ModelCard.Input(
                  in.channels(),
                  in.height(),
                  in.width(),
                  0f,
                  in.maxValue(),
                  metadata.polarity(),
                  metadata.imageKind(),
                  in.mean(),
                  in.std()),
              metadata.dataset(),
              metadata.method(),
              metadata.alpha(),
              spec.head().style().id(),
              metadata.metrics(),
              metadata.runConfigJson().map(json -> ModelMetadata.jsonObject("run config", json)),
              metadata.splitJson().map(json -> ModelMetadata.jsonObject("split", json)),
              ModelMetadata.jsonObject("provenance", metadata.provenanceJson()))
          .toProperties();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot describe the model: " + e.getMessage(), e);
    }
  }

  private static Object wholeIfPossible(float value) {
    return value == Math.rint(value) ? (Object) (long) value : (Object) value;
  }

  private static String formatNumber(float value) {
    return String.valueOf(wholeIfPossible(value));
  }
}
