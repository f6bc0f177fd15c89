package dev.resltj.trainer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NetworkBlockTest {

  static Stream<Arguments> networks() {
    return Stream.of(
        Arguments.of("mnist paper", NetworkPresets.mnist(MnistTrunk.DEEP_BN, BranchStyle.PAPER)),
        Arguments.of(
            "mnist separate", NetworkPresets.mnist(MnistTrunk.BASIC, BranchStyle.SEPARATE)),
        Arguments.of("mnist single", NetworkPresets.mnist(MnistTrunk.DEEP_BN, BranchStyle.SINGLE)),
        Arguments.of("reference", NetworkPresets.reference()),
        Arguments.of("reference single", NetworkPresets.reference(BranchStyle.SINGLE)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("networks")
  void forwardGivesOneLogitsArrayPerOutputWithBatchAndClasses(String name, NetworkSpec spec) {
    try (NDManager manager = NDManager.newBaseManager()) {
      NetworkBlock block = NetworkBlock.initialized(spec, manager);
      NDArray images = manager.randomUniform(0f, 255f, new Shape(5, 1, 28, 28));
      NDList out = block.forward(new ParameterStore(manager, false), new NDList(images), false);

      int expectedOutputs = spec.head().isReslt() ? 4 : 1;
      assertThat(out).hasSize(expectedOutputs);
      for (NDArray logits : out) {
        assertThat(logits.getShape()).isEqualTo(new Shape(5, 10));
      }
      assertThat(block.getOutputShapes(new Shape[] {new Shape(5, 1, 28, 28)}))
          .containsOnly(new Shape(5, 10))
          .hasSize(expectedOutputs);
    }
  }

  static Stream<Arguments> resltNetworks() {
    return networks().filter(a -> ((NetworkSpec) a.get()[1]).head().isReslt());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("resltNetworks")
  void fusedLogitsAreThePlainSumOfTheThreeBranches(String name, NetworkSpec spec) {
    try (NDManager manager = NDManager.newBaseManager()) {
      NetworkBlock block = NetworkBlock.initialized(spec, manager);
      NDArray images = manager.randomUniform(0f, 255f, new Shape(8, 1, 28, 28));
      NDList out = block.forward(new ParameterStore(manager, false), new NDList(images), true);

      float[] fused = out.get(0).toFloatArray();
      float[] hmt = out.get(1).toFloatArray();
      float[] mt = out.get(2).toFloatArray();
      float[] t = out.get(3).toFloatArray();
      for (int i = 0; i < fused.length; i++) {
        assertThat(fused[i]).isCloseTo(hmt[i] + mt[i] + t[i], within(1e-5f));
      }
      // the branches are distinct (independent initialisation), so the sum is not a trivial 3x
      assertThat(hmt).isNotEqualTo(mt);
    }
  }

  @Test
  void referenceNetworkHasTheReferenceParameterCount() {
    // trunk 320 + 18,496; per branch Conv1x1 2,080 + Dense 330, three times
    try (NDManager manager = NDManager.newBaseManager()) {
      NetworkBlock block = NetworkBlock.initialized(NetworkPresets.reference(), manager);
      assertThat(parameterCount(block)).isEqualTo(26_046L);
    }
  }

  @Test
  void basicTrunkIsTwoConvBlocksOf32And64Channels() {
    NetworkSpec spec = NetworkPresets.mnist(MnistTrunk.BASIC, BranchStyle.PAPER);
    assertThat(spec.trunk())
        .containsExactly(
            new Layer.Conv(32, 3, 1, 1, true),
            new Layer.Relu(),
            new Layer.MaxPool(2, 2),
            new Layer.Conv(64, 3, 1, 1, true),
            new Layer.Relu(),
            new Layer.MaxPool(2, 2));
    assertThat(spec.trunkOutput()).isEqualTo(new FeatureShape(64, 7, 7));
  }

  @Test
  void parametersHaveStructuralNames() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NetworkBlock paper = NetworkBlock.initialized(NetworkPresets.mnist(), manager);
      assertThat(paper.namedParameters().keySet())
          .startsWith("trunk.0.weight", "trunk.1.gamma", "trunk.1.beta")
          .contains(
              "branch.hmt.0.weight",
              "branch.t.1.runningVar",
              "classifier.weight",
              "classifier.bias")
          .noneMatch(name -> name.startsWith("classifier.hmt"));

      NetworkBlock separate = NetworkBlock.initialized(NetworkPresets.reference(), manager);
      assertThat(separate.namedParameters().keySet())
          .containsExactly(
              "trunk.0.weight",
              "trunk.0.bias",
              "trunk.3.weight",
              "trunk.3.bias",
              "branch.hmt.0.weight",
              "branch.hmt.0.bias",
              "branch.mt.0.weight",
              "branch.mt.0.bias",
              "branch.t.0.weight",
              "branch.t.0.bias",
              "classifier.hmt.weight",
              "classifier.hmt.bias",
              "classifier.mt.weight",
              "classifier.mt.bias",
              "classifier.t.weight",
              "classifier.t.bias");
      Parameter dense = separate.parameter(NetworkBlock.classifierPath("mt"), "weight");
      assertThat(dense.getArray().getShape()).isEqualTo(new Shape(10, 32));
    }
  }

  @Test
  void forwardRejectsImagesOfTheWrongSize() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NetworkBlock block = NetworkBlock.initialized(NetworkPresets.reference(), manager);
      NDArray wrong = manager.zeros(new Shape(2, 1, 32, 32));
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> block.forward(new ParameterStore(manager, false), new NDList(wrong), false));
      assertThat(e).hasMessageContaining("(2, 1, 28, 28)").hasMessageContaining("(2, 1, 32, 32)");
    }
  }

  @Test
  void normalisationHappensInsideTheBlock() {
    // a constant image at the MNIST mean pixel normalises to zero everywhere: with a single
    // bias-free linear path the logits then equal the classifier bias
    try (NDManager manager = NDManager.newBaseManager()) {
      NetworkSpec spec =
          new NetworkSpec(
              InputSpec.MNIST, 3, java.util.List.of(), new Head(1, java.util.List.of(), false));
      NetworkBlock block = NetworkBlock.initialized(spec, manager);
      NDArray meanImage = manager.full(new Shape(1, 1, 28, 28), 0.1307f * 255f);
      NDArray logits =
          block
              .forward(new ParameterStore(manager, false), new NDList(meanImage), false)
              .singletonOrThrow();
      float[] bias = block.parameter("classifier", "bias").getArray().toFloatArray();
      assertThat(logits.toFloatArray()).containsExactly(bias, within(1e-5f));
    }
  }

  private static long parameterCount(NetworkBlock block) {
    return block.namedParameters().entrySet().stream()
        .filter(e -> !e.getKey().endsWith("runningMean") && !e.getKey().endsWith("runningVar"))
        .mapToLong(e -> e.getValue().getArray().size())
        .sum();
  }

  @Test
  void pytorchInitialisationDrawsWithinOneOverSqrtFanIn() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NetworkBlock block =
          NetworkBlock.initialized(NetworkPresets.reference(), manager, Initialization.PYTORCH);
      // trunk.0 is Conv3x3 on 1 channel: fan_in 9; trunk.3 Conv3x3 on 32 channels: fan_in 288
      assertWithin(block.parameter("trunk.0", "weight").getArray(), 1 / Math.sqrt(9));
      assertWithin(block.parameter("trunk.0", "bias").getArray(), 1 / Math.sqrt(9));
      assertWithin(block.parameter("trunk.3", "weight").getArray(), 1 / Math.sqrt(288));
      // PyTorch draws biases too, where DJL's default leaves them at zero
      assertThat(block.parameter("trunk.3", "bias").getArray().abs().max().getFloat())
          .isGreaterThan(0f);
    }
  }

  @Test
  void heNormalInitialisationIsWiderAndLeavesBiasesAtZero() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NetworkBlock block =
          NetworkBlock.initialized(NetworkPresets.reference(), manager, Initialization.HE_NORMAL);
      float std = std(block.parameter("trunk.3", "weight").getArray());
      // sqrt(2 / 288) = 0.083, against PyTorch's uniform std 1 / sqrt(3 * 288) = 0.034
      assertThat((double) std).isBetween(0.07, 0.095);
      assertThat(block.parameter("trunk.3", "bias").getArray().abs().max().getFloat())
          .isEqualTo(0f);
    }
  }

  private static void assertWithin(ai.djl.ndarray.NDArray values, double bound) {
    float max = values.abs().max().getFloat();
    assertThat((double) max).isLessThanOrEqualTo(bound).isGreaterThan(0.8 * bound);
  }

  private static float std(ai.djl.ndarray.NDArray values) {
    float[] v = values.toFloatArray();
    double sum = 0;
    double sq = 0;
    for (float x : v) {
      sum += x;
      sq += x * x;
    }
    double mean = sum / v.length;
    return (float) Math.sqrt(sq / v.length - mean * mean);
  }
}
