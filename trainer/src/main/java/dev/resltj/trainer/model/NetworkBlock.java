package dev.resltj.trainer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trainable DJL block of a {@link NetworkSpec}; its forward contract is the spec's. Every
 * parameter has a structural name ({@link #namedParameters()}): {@code trunk.<i>.<kind>}, {@code
 * branch.<name>.<i>.<kind>} and {@code classifier.<kind>} (shared) or {@code
 * classifier.<name>.<kind>}, where {@code i} is the layer's position in the spec, {@code name} a
 * {@link Head#branchNames() branch name} and {@code kind} DJL's own ({@code weight, bias, gamma,
 * beta, runningMean, runningVar}). The exporter finds weights by these names, never by order.
 */
public final class NetworkBlock extends AbstractBlock {
  private static final byte VERSION = 1;

  /** Path of the one classifier of a shared-classifier or single head. */
  public static final String SHARED_CLASSIFIER = "classifier";

  private final NetworkSpec spec;

  /** One classifier, or one per branch. */
  private final List<Linear> classifiers;

  /** The blocks holding parameters, by structural path, in the order they save. */
  private final Map<String, Block> blocksByPath = new LinkedHashMap<>();

  /** Read once, when the parameters are first created; loaded parameters overwrite them. */
  private Initialization initialization = Initialization.PYTORCH;

  private NetworkBlock(NetworkSpec spec) {
    super(VERSION);
    this.spec = spec;
    Head head = spec.head();
    // the order of addition is the order of the parameters file: trunk, branches, classifiers
    addBlocks(spec.trunk(), NetworkBlock::trunkPath);
    for (String branch : head.branchNames()) {
      addBlocks(head.branchLayers(), i -> branchPath(branch, i));
    }
    List<Linear> linears = new ArrayList<>();
    if (head.sharedClassifier() || !head.isReslt()) {
      linears.add(addChild(SHARED_CLASSIFIER, newClassifier()));
    } else {
      for (String branch : head.branchNames()) {
        linears.add(addChild(classifierPath(branch), newClassifier()));
      }
    }
    this.classifiers = List.copyOf(linears);
  }

  /** A new, uninitialised block for {@code spec}. */
  public static NetworkBlock of(NetworkSpec spec) {
    return new NetworkBlock(spec);
  }

  /**
   * A block for {@code spec} whose parameters are created (fresh values, PyTorch's default
   * initialisation) on {@code manager}.
   */
  public static NetworkBlock initialized(NetworkSpec spec, NDManager manager) {
    return initialized(spec, manager, Initialization.PYTORCH);
  }

  /** A block for {@code spec} with fresh parameters drawn as {@code initialization} says. */
  public static NetworkBlock initialized(
      NetworkSpec spec, NDManager manager, Initialization initialization) {
    NetworkBlock block = of(spec);
    block.initialization = initialization;
    block.initialize(manager, DataType.FLOAT32, block.inputShape(1));
    return block;
  }

  public NetworkSpec spec() {
    return spec;
  }

  /** {@code [batch, C, H, W]} as the spec's input expects. */
  public Shape inputShape(long batch) {
    InputSpec in = spec.input();
    return new Shape(batch, in.channels(), in.height(), in.width());
  }

  // ---- structural names ----

  public static String trunkPath(int layer) {
    return "trunk." + layer;
  }

  public static String branchPath(String branch, int layer) {
    return "branch." + branch + "." + layer;
  }

  /** Layer {@code layer} of the body of the residual block at {@code residual}. */
  public static String bodyPath(String residual, int layer) {
    return residual + ".body." + layer;
  }

  /** Layer {@code layer} of the shortcut of the residual block at {@code residual}. */
  public static String shortcutPath(String residual, int layer) {
    return residual + ".shortcut." + layer;
  }

  /** The classifier of one branch, when each branch has its own. */
  public static String classifierPath(String branch) {
    return SHARED_CLASSIFIER + "." + branch;
  }

  /** Every parameter under its structural name, in the order the block saves them. */
  public Map<String, Parameter> namedParameters() {
    Map<String, Parameter> named = new LinkedHashMap<>();
    blocksByPath.forEach(
        (path, block) ->
            block.getParameters().forEach(p -> named.put(path + "." + p.getKey(), p.getValue())));
    return Collections.unmodifiableMap(named);
  }

  /** The parameter {@code kind} of the layer at {@code path}; a missing one names both. */
  public Parameter parameter(String path, String kind) {
    Block block = blocksByPath.get(path);
    if (block == null) {
      throw new IllegalArgumentException(
          "no layer with parameters at '" + path + "'; known: " + blocksByPath.keySet());
    }
    Parameter p = block.getParameters().get(kind);
    if (p == null) {
      throw new IllegalArgumentException("layer '" + path + "' has no parameter '" + kind + "'");
    }
    return p;
  }

  // ---- forward ----

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    Shape expected = inputShape(x.getShape().get(0));
    if (!x.getShape().equals(expected)) {
      throw new IllegalArgumentException(
          "network expects input "
              + expected
              + " (batch, channels, height, width), got "
              + x.getShape());
    }
    InputSpec in = spec.input();
    // constants filled by libtorch, not wrapped Java buffers (see the loss package's
    // EngineConstants): nothing the autograd graph may hold can be freed by the collector
    NDManager m = x.getManager();
    NDArray features =
        x.div(m.full(new Shape(), in.maxValue(), DataType.FLOAT32))
            .sub(channelConstant(m, in.meanArray()))
            .div(channelConstant(m, in.stdArray()));
    features = applyAll(store, spec.trunk(), NetworkBlock::trunkPath, features, training);
    Head head = spec.head();
    NDList out = new NDList(head.branches() + 1);
    for (int b = 0; b < head.branches(); b++) {
      String name = head.branchNames().get(b);
      NDArray branch =
          applyAll(store, head.branchLayers(), i -> branchPath(name, i), features, training);
      NDArray pooled = Pool.globalAvgPool2d(branch).reshape(branch.getShape().get(0), -1);
      Linear classifier = classifiers.get(classifiers.size() == 1 ? 0 : b);
      out.add(classifier.forward(store, new NDList(pooled), training).singletonOrThrow());
    }
    if (!head.isReslt()) {
      return out;
    }
    // residual fusion: the fused logits are the plain sum of the three branches
    NDArray fused = out.get(0).add(out.get(1)).add(out.get(2));
    NDList result = new NDList(fused);
    result.addAll(out);
    return result;
  }

  private NDArray applyAll(
      ParameterStore store, List<Layer> layers, PathOf paths, NDArray x, boolean training) {
    NDArray current = x;
    for (int i = 0; i < layers.size(); i++) {
      current = apply(store, layers.get(i), paths.path(i), current, training);
    }
    return current;
  }

  private NDArray apply(
      ParameterStore store, Layer layer, String path, NDArray x, boolean training) {
    return layer.accept(
        new Layer.Visitor<>() {
          @Override
          public NDArray conv(Layer.Conv conv) {
            return blocksByPath
                .get(path)
                .forward(store, new NDList(x), training)
                .singletonOrThrow();
          }

          @Override
          public NDArray batchNorm(Layer.BatchNorm batchNorm) {
            return blocksByPath
                .get(path)
                .forward(store, new NDList(x), training)
                .singletonOrThrow();
          }

          @Override
          public NDArray relu(Layer.Relu relu) {
            return Activation.relu(x);
          }

          @Override
          public NDArray leakyRelu(Layer.LeakyRelu leakyRelu) {
            return Activation.leakyRelu(x, leakyRelu.slope());
          }

          @Override
          public NDArray maxPool(Layer.MaxPool pool) {
            Shape window = new Shape(pool.kernel(), pool.kernel());
            Shape stride = new Shape(pool.stride(), pool.stride());
            Shape padding = new Shape(pool.padding(), pool.padding());
            return Pool.maxPool2d(x, window, stride, padding, false);
          }

          @Override
          public NDArray dropout(Layer.Dropout dropout) {
            if (!training || dropout.rate() == 0f) {
              return x;
            }
            return Dropout.dropout(x, dropout.rate(), true).singletonOrThrow();
          }

          @Override
          public NDArray residual(Layer.Residual residual) {
            NDArray body = applyAll(store, residual.body(), j -> bodyPath(path, j), x, training);
            NDArray shortcut =
                applyAll(store, residual.shortcut(), j -> shortcutPath(path, j), x, training);
            return body.add(shortcut);
          }

          @Override
          public NDArray padChannels(Layer.PadChannels pad) {
            long missing = pad.channels() - x.getShape().get(1);
            long before = missing / 2;
            // PyTorch's order: (last dim before, after, ..., channels before, after); the zeros
            // are libtorch's, no Java buffer is involved
            return x.pad(new Shape(0, 0, 0, 0, before, missing - before), 0.0);
          }
        });
  }

  // ---- shapes and initialisation ----

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape logits = new Shape(inputShapes[0].get(0), spec.numClasses());
    Shape[] shapes = new Shape[spec.head().isReslt() ? 4 : 1];
    Arrays.fill(shapes, logits);
    return shapes;
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    long batch = inputShapes[0].get(0);
    FeatureShape trunkOut =
        initializeAll(
            manager,
            dataType,
            batch,
            FeatureShape.of(spec.input()),
            spec.trunk(),
            NetworkBlock::trunkPath);
    FeatureShape branchOut = trunkOut;
    for (String branch : spec.head().branchNames()) {
      branchOut =
          initializeAll(
              manager,
              dataType,
              batch,
              trunkOut,
              spec.head().branchLayers(),
              i -> branchPath(branch, i));
    }
    for (Linear classifier : classifiers) {
      drawAsChosen(classifier, branchOut.channels());
      classifier.initialize(manager, dataType, new Shape(batch, branchOut.channels()));
    }
  }

  /**
   * Sets the initialiser of a convolution or linear layer whose inputs number {@code fanIn} per
   * output; other layers keep DJL's (BatchNorm: scale 1, shift 0).
   */
  private void drawAsChosen(Block block, long fanIn) {
    if (initialization == Initialization.PYTORCH
        && (block instanceof Conv2d || block instanceof Linear)) {
      // kaiming-uniform with a = sqrt(5) has bound gain * sqrt(3 / fan_in) = 1 / sqrt(fan_in);
      // PyTorch draws the bias from the same range
      block.setInitializer(
          new UniformInitializer((float) (1 / Math.sqrt(fanIn))), parameter -> true);
    }
  }

  private FeatureShape initializeAll(
      NDManager manager,
      DataType dataType,
      long batch,
      FeatureShape input,
      List<Layer> layers,
      PathOf paths) {
    FeatureShape shape = input;
    for (int i = 0; i < layers.size(); i++) {
      Layer layer = layers.get(i);
      String path = paths.path(i);
      if (layer instanceof Layer.Residual residual) {
        initializeAll(manager, dataType, batch, shape, residual.body(), j -> bodyPath(path, j));
        initializeAll(
            manager, dataType, batch, shape, residual.shortcut(), j -> shortcutPath(path, j));
      }
      Block block = blocksByPath.get(path);
      if (block != null) {
        if (layer instanceof Layer.Conv conv) {
          drawAsChosen(block, (long) shape.channels() * conv.kernel() * conv.kernel());
        }
        block.initialize(
            manager, dataType, new Shape(batch, shape.channels(), shape.height(), shape.width()));
      }
      shape = shape.after(layer);
    }
    return shape;
  }

  // ---- construction ----

  private interface PathOf {
    String path(int index);
  }

  /** Adds a block for every spec layer with parameters, nested ones under their paths. */
  private void addBlocks(List<Layer> layers, PathOf paths) {
    for (int i = 0; i < layers.size(); i++) {
      String path = paths.path(i);
      Layer layer = layers.get(i);
      if (layer instanceof Layer.Residual residual) {
        addBlocks(residual.body(), j -> bodyPath(path, j));
        addBlocks(residual.shortcut(), j -> shortcutPath(path, j));
      } else {
        Block block = newBlock(layer);
        if (block != null) {
          addChild(path, block);
        }
      }
    }
  }

  private <B extends Block> B addChild(String path, B block) {
    blocksByPath.put(path, block);
    return addChildBlock(path, block);
  }

  private Linear newClassifier() {
    return Linear.builder().setUnits(spec.numClasses()).build();
  }

  /**
   * The DJL block holding a layer's parameters, or {@code null} for a layer without parameters of
   * its own.
   */
  private static Block newBlock(Layer layer) {
    return layer.accept(
        new Layer.Visitor<>() {
          @Override
          public Block conv(Layer.Conv c) {
            return Conv2d.builder()
                .setKernelShape(new Shape(c.kernel(), c.kernel()))
                .optStride(new Shape(c.stride(), c.stride()))
                .optPadding(new Shape(c.padding(), c.padding()))
                .setFilters(c.outChannels())
                .optBias(c.bias())
                .build();
          }

          @Override
          public Block batchNorm(Layer.BatchNorm b) {
            return BatchNorm.builder().optEpsilon(b.epsilon()).optMomentum(b.momentum()).build();
          }

          @Override
          public Block relu(Layer.Relu r) {
            return null;
          }

          @Override
          public Block leakyRelu(Layer.LeakyRelu r) {
            return null;
          }

          @Override
          public Block maxPool(Layer.MaxPool p) {
            return null;
          }

          @Override
          public Block dropout(Layer.Dropout d) {
            return null;
          }

          @Override
          public Block residual(Layer.Residual r) {
            // its layers get blocks of their own, under the block's path
            return null;
          }

          @Override
          public Block padChannels(Layer.PadChannels p) {
            return null;
          }
        });
  }

  @Override
  public String toString() {
    return "NetworkBlock("
        + spec.head().style().id()
        + ", "
        + spec.trunk().size()
        + " trunk layers, "
        + spec.numClasses()
        + " classes)";
  }

  /**
   * A {@code [1, C, 1, 1]} constant filled by libtorch: per channel, one {@code full} each, joined
   * on the engine's side, so no Java buffer backs an array the autograd graph may keep.
   */
  private static NDArray channelConstant(NDManager m, float[] perChannel) {
    if (perChannel.length == 1) {
      return m.full(new Shape(), perChannel[0], DataType.FLOAT32);
    }
    NDList parts = new NDList(perChannel.length);
    for (float v : perChannel) {
      parts.add(m.full(new Shape(1, 1, 1, 1), v, DataType.FLOAT32));
    }
    return NDArrays.concat(parts, 1);
  }
}
