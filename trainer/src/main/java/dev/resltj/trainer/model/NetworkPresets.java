package dev.resltj.trainer.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The networks the trainer offers by name: {@code mnist} and {@code reference} for digits, {@code
 * resnet32} (CIFAR-style, 28-32 px) and {@code resnet18} (ImageNet-style, 64 px and up) for other
 * images. Each is built for any input and class count; {@code width} is the channel count of the
 * first stage, doubled by each later one.
 */
public final class NetworkPresets {
  /** The default network for 28x28 digits. */
  public static final String MNIST = "mnist";

  /** The MNIST reference re-implementation's own network (about 26k parameters). */
  public static final String REFERENCE = "reference";

  /** The CIFAR ResNet-32 of the ResLT authors, for 28-32 px images. */
  public static final String RESNET32 = "resnet32";

  /** The ImageNet-style ResNet-18, for images of 64 px and more. */
  public static final String RESNET18 = "resnet18";

  /** Largest channel count of a trunk's first stage. */
  public static final int MAX_WIDTH = 1024;

  /** Channels of each branch's 1x1 convolution in the {@code separate} style (the reference's). */
  public static final int SEPARATE_BRANCH_CHANNELS = 32;

  private static final float BN_EPSILON = 1e-5f;
  private static final float BN_MOMENTUM = 0.9f;
  private static final float REFERENCE_LEAKY_SLOPE = 0.2f;
  private static final int MNIST_CLASSES = 10;
  private static final int REFERENCE_WIDTH = 32;
  private static final int RESNET32_WIDTH = 16;
  private static final int RESNET18_WIDTH = 64;
  private static final int RESNET32_BLOCKS_PER_STAGE = 5;
  private static final int RESNET18_BLOCKS_PER_STAGE = 2;

  private NetworkPresets() {}

  public static List<String> names() {
    return List.of(MNIST, REFERENCE, RESNET32, RESNET18);
  }

  /**
   * Channels of the first stage of preset {@code name} when none is asked for: 32 for {@code
   * mnist}, 16 for {@code resnet32}, 64 for {@code resnet18}; each later stage doubles it. The
   * {@code reference} network has one fixed width (32).
   */
  public static int defaultWidth(String name) {
    return switch (known(name)) {
      case MNIST -> DEFAULT_MNIST_TRUNK.width();
      case REFERENCE -> REFERENCE_WIDTH;
      case RESNET32 -> RESNET32_WIDTH;
      case RESNET18 -> RESNET18_WIDTH;
      default -> throw new IllegalStateException("preset without a width: " + name);
    };
  }

  /** Whether preset {@code name} can be built at other widths than {@link #defaultWidth}. */
  public static boolean hasWidth(String name) {
    return !known(name).equals(REFERENCE);
  }

  /**
   * The preset {@code name} with a head of {@code style}; the {@code mnist} preset uses {@link
   * #DEFAULT_MNIST_TRUNK}.
   */
  public static NetworkSpec named(String name, BranchStyle style) {
    return named(name, style, InputSpec.MNIST, MNIST_CLASSES);
  }

  /**
   * The preset {@code name} with a head of {@code style} for images of {@code input} (shape and
   * normalisation) and {@code numClasses} classes.
   */
  public static NetworkSpec named(String name, BranchStyle style, InputSpec input, int numClasses) {
    return named(name, style, input, numClasses, defaultWidth(name));
  }

  /**
   * {@link #named(String, BranchStyle, InputSpec, int)} with {@code width} channels in the first
   * stage (see {@link #defaultWidth}); the {@code reference} network takes only its own width.
   */
  public static NetworkSpec named(
      String name, BranchStyle style, InputSpec input, int numClasses, int width) {
    String preset = known(name);
    if (preset.equals(REFERENCE) && width != REFERENCE_WIDTH) {
      throw new IllegalArgumentException(
          "the reference network has one width (" + REFERENCE_WIDTH + "), got " + width);
    }
    return switch (preset) {
      case MNIST ->
          mnist(
              new MnistTrunk(
                  width, DEFAULT_MNIST_TRUNK.convsPerStage(), DEFAULT_MNIST_TRUNK.batchNorm()),
              style,
              input,
              numClasses);
      case REFERENCE -> reference(style, input, numClasses);
      case RESNET32 -> resnet32(style, input, numClasses, width);
      case RESNET18 -> resnet18(style, input, numClasses, width);
      default -> throw new IllegalStateException("preset without a builder: " + preset);
    };
  }

  private static String known(String name) {
    String preset = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    if (!names().contains(preset)) {
      throw new IllegalArgumentException(
          "unknown network '" + name + "': expected one of " + names());
    }
    return preset;
  }

  /** The trunk of {@link #mnist()}. */
  public static final MnistTrunk DEFAULT_MNIST_TRUNK = MnistTrunk.DEEP_BN;

  /** The default MNIST network: {@link #DEFAULT_MNIST_TRUNK} with a {@code paper} ResLT head. */
  public static NetworkSpec mnist() {
    return mnist(DEFAULT_MNIST_TRUNK, BranchStyle.PAPER);
  }

  /**
   * An MNIST network: {@code trunk} (see {@link MnistTrunk}) and a head of {@code style}: {@code
   * paper} (per branch Conv1x1 to the trunk's width without bias, BatchNorm, ReLU; one shared
   * classifier), {@code separate} (per branch Conv1x1(32) and its own classifier) or {@code single}
   * (one {@code paper}-style branch and classifier: the baselines on the same trunk).
   */
  public static NetworkSpec mnist(MnistTrunk trunk, BranchStyle style) {
    return mnist(trunk, style, InputSpec.MNIST, MNIST_CLASSES);
  }

  /** {@link #mnist(MnistTrunk, BranchStyle)} for other inputs and class counts. */
  public static NetworkSpec mnist(
      MnistTrunk trunk, BranchStyle style, InputSpec input, int numClasses) {
    List<Layer> layers = new ArrayList<>();
    int channels = trunk.width();
    for (int stage = 0; stage < 2; stage++) {
      for (int c = 0; c < trunk.convsPerStage(); c++) {
        // a bias before BatchNorm is cancelled by its mean subtraction
        layers.add(new Layer.Conv(channels, 3, 1, 1, !trunk.batchNorm()));
        if (trunk.batchNorm()) {
          layers.add(batchNorm());
        }
        layers.add(new Layer.Relu());
      }
      layers.add(new Layer.MaxPool(2, 2));
      channels *= 2;
    }
    List<Layer> paperBranch =
        List.of(new Layer.Conv(trunk.outChannels(), 1, 1, 0, false), batchNorm(), new Layer.Relu());
    Head head =
        switch (style) {
          case PAPER -> new Head(3, paperBranch, true);
          case SEPARATE -> new Head(3, List.of(separateBranchConv()), false);
          case SINGLE -> new Head(1, paperBranch, false);
        };
    return new NetworkSpec(input, numClasses, layers, head);
  }

  /**
   * Exactly the MNIST reference: Conv3x3(32) + LeakyReLU(0.2) + MaxPool2, Conv3x3(64) +
   * LeakyReLU(0.2) + MaxPool2 (7x7x64); each branch Conv1x1(32) + global average pool + Dense(10).
   */
  public static NetworkSpec reference() {
    return reference(BranchStyle.SEPARATE);
  }

  /**
   * The reference network with three {@code separate} branches, or with one such branch ({@code
   * single}) for the baselines. The reference has no shared-classifier variant, so {@code paper} is
   * refused.
   */
  public static NetworkSpec reference(BranchStyle style) {
    return reference(style, InputSpec.MNIST, MNIST_CLASSES);
  }

  /** {@link #reference(BranchStyle)} for other inputs and class counts. */
  public static NetworkSpec reference(BranchStyle style, InputSpec input, int numClasses) {
    List<Layer> trunk =
        List.of(
            new Layer.Conv(32, 3, 1, 1, true),
            new Layer.LeakyRelu(REFERENCE_LEAKY_SLOPE),
            new Layer.MaxPool(2, 2),
            new Layer.Conv(64, 3, 1, 1, true),
            new Layer.LeakyRelu(REFERENCE_LEAKY_SLOPE),
            new Layer.MaxPool(2, 2));
    Head head =
        switch (style) {
          case SEPARATE -> new Head(3, List.of(separateBranchConv()), false);
          case SINGLE -> new Head(1, List.of(separateBranchConv()), false);
          case PAPER ->
              throw new IllegalArgumentException(
                  "the reference network has separate branches only: use branch style 'separate'"
                      + " or 'single'");
        };
    return new NetworkSpec(input, numClasses, trunk, head);
  }

  /**
   * The CIFAR ResNet-32 of the ResLT authors' code: a 3x3 convolution to {@code width} channels (16
   * in the paper) with BatchNorm and ReLU, then three stages of five basic blocks at {@code width},
   * {@code 2 width} and {@code 4 width} channels, the first block of stages 2 and 3 with stride 2.
   * A basic block is {@code relu(bn(conv3x3(relu(bn(conv3x3(x))))) + shortcut(x))}; where the shape
   * changes the shortcut is, as in the authors' code, the parameter-free "option A": every second
   * row and column, zero channels around (no 1x1 projection). The head follows the authors' CIFAR
   * model: {@code paper} puts one BatchNorm per branch on the final map and one classifier shared
   * by the branches; {@code separate} gives each branch its own classifier after that BatchNorm;
   * {@code single} is one such branch (the baselines on the same trunk). About 0.46M parameters at
   * width 16; a 32x32 input ends as an 8x8 map.
   */
  public static NetworkSpec resnet32(
      BranchStyle style, InputSpec input, int numClasses, int width) {
    checkWidth(width);
    List<Layer> layers = new ArrayList<>();
    layers.add(new Layer.Conv(width, 3, 1, 1, false));
    layers.add(batchNorm());
    layers.add(new Layer.Relu());
    int channels = width;
    for (int stage = 0; stage < 3; stage++) {
      int out = width << stage;
      for (int block = 0; block < RESNET32_BLOCKS_PER_STAGE; block++) {
        int stride = stage > 0 && block == 0 ? 2 : 1;
        List<Layer> shortcut =
            stride == 1 && channels == out
                ? List.of()
                : List.of(new Layer.MaxPool(1, stride), new Layer.PadChannels(out));
        layers.add(new Layer.Residual(basicBody(out, stride), shortcut));
        layers.add(new Layer.Relu());
        channels = out;
      }
    }
    List<Layer> branch = List.of(batchNorm());
    Head head =
        switch (style) {
          case PAPER -> new Head(3, branch, true);
          case SEPARATE -> new Head(3, branch, false);
          case SINGLE -> new Head(1, branch, false);
        };
    return new NetworkSpec(input, numClasses, layers, head);
  }

  /**
   * The ImageNet-style ResNet-18 (torchvision's, and the backbone family of the authors' ImageNet
   * code): a 7x7 stride-2 convolution to {@code width} channels (64 in the paper) with BatchNorm
   * and ReLU, a 3x3 stride-2 max-pool padded by 1, then four stages of two basic blocks at {@code
   * width .. 8 width} channels, stride 2 at the start of stages 2 to 4, whose shortcut there is a
   * 1x1 strided convolution with BatchNorm ("option B"). The head is the authors' ImageNet one:
   * {@code paper} gives each branch a 1x1 convolution ({@code 8 width} channels, no bias),
   * BatchNorm and ReLU (their one 1x1 convolution to three times the channels, cut in three, is the
   * same thing) and shares one classifier; {@code separate} gives each branch its own classifier;
   * {@code single} is one such branch. The trunk has 11.2M parameters at width 64 (0.70M at 16); a
   * 64x64 input ends as a 2x2 map.
   */
  public static NetworkSpec resnet18(
      BranchStyle style, InputSpec input, int numClasses, int width) {
    checkWidth(width);
    List<Layer> layers = new ArrayList<>();
    layers.add(new Layer.Conv(width, 7, 2, 3, false));
    layers.add(batchNorm());
    layers.add(new Layer.Relu());
    layers.add(new Layer.MaxPool(3, 2, 1));
    int channels = width;
    for (int stage = 0; stage < 4; stage++) {
      int out = width << stage;
      for (int block = 0; block < RESNET18_BLOCKS_PER_STAGE; block++) {
        int stride = stage > 0 && block == 0 ? 2 : 1;
        List<Layer> shortcut =
            stride == 1 && channels == out
                ? List.of()
                : List.of(new Layer.Conv(out, 1, stride, 0, false), batchNorm());
        layers.add(new Layer.Residual(basicBody(out, stride), shortcut));
        layers.add(new Layer.Relu());
        channels = out;
      }
    }
    List<Layer> branch =
        List.of(new Layer.Conv(channels, 1, 1, 0, false), batchNorm(), new Layer.Relu());
    Head head =
        switch (style) {
          case PAPER -> new Head(3, branch, true);
          case SEPARATE -> new Head(3, branch, false);
          case SINGLE -> new Head(1, branch, false);
        };
    return new NetworkSpec(input, numClasses, layers, head);
  }

  /** Conv3x3 (stride {@code stride}), BN, ReLU, Conv3x3, BN; no bias before BatchNorm. */
  private static List<Layer> basicBody(int channels, int stride) {
    return List.of(
        new Layer.Conv(channels, 3, stride, 1, false),
        batchNorm(),
        new Layer.Relu(),
        new Layer.Conv(channels, 3, 1, 1, false),
        batchNorm());
  }

  private static void checkWidth(int width) {
    if (width < 1 || width > MAX_WIDTH) {
      throw new IllegalArgumentException(
          "width (channels of the first stage) must be in 1.." + MAX_WIDTH + ", got " + width);
    }
  }

  private static Layer.Conv separateBranchConv() {
    return new Layer.Conv(SEPARATE_BRANCH_CHANNELS, 1, 1, 0, true);
  }

  private static Layer.BatchNorm batchNorm() {
    return new Layer.BatchNorm(BN_EPSILON, BN_MOMENTUM);
  }
}
