package dev.resltj.trainer.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The networks the trainer offers by name. */
public final class NetworkPresets {
  /** The default network for 28x28 digits. */
  public static final String MNIST = "mnist";

  /** The MNIST reference re-implementation's own network (about 26k parameters). */
  public static final String REFERENCE = "reference";

  /** Channels of each branch's 1x1 convolution in the {@code separate} style (the reference's). */
  public static final int SEPARATE_BRANCH_CHANNELS = 32;

  private static final float BN_EPSILON = 1e-5f;
  private static final float BN_MOMENTUM = 0.9f;
  private static final float REFERENCE_LEAKY_SLOPE = 0.2f;
  private static final int MNIST_CLASSES = 10;

  private NetworkPresets() {}

  public static List<String> names() {
    return List.of(MNIST, REFERENCE);
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
    return switch (name.toLowerCase(Locale.ROOT)) {
      case MNIST -> mnist(DEFAULT_MNIST_TRUNK, style, input, numClasses);
      case REFERENCE -> reference(style, input, numClasses);
      default ->
          throw new IllegalArgumentException(
              "unknown network '" + name + "': expected one of " + names());
    };
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

  private static Layer.Conv separateBranchConv() {
    return new Layer.Conv(SEPARATE_BRANCH_CHANNELS, 1, 1, 0, true);
  }

  private static Layer.BatchNorm batchNorm() {
    return new Layer.BatchNorm(BN_EPSILON, BN_MOMENTUM);
  }
}
