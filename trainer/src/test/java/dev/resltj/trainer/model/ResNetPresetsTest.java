package dev.resltj.trainer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.resltj.trainer.storage.JsonFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ResNetPresetsTest {
  private static final InputSpec CIFAR =
      new InputSpec(3, 32, 32, 255f, List.of(0.49f, 0.48f, 0.45f), List.of(0.25f, 0.24f, 0.26f));
  private static final InputSpec RGB64 = CIFAR.withSize(64, 64);

  @Test
  void resnet32HasTheAuthorsParameterCount() {
    // the authors' ResNet-32 (option A shortcuts) is 463,504 trunk parameters + its classifier;
    // the paper head adds three BatchNorms of 64 channels (384) and one 64x10 classifier (650)
    try (NDManager manager = NDManager.newBaseManager()) {
      NetworkBlock block =
          NetworkBlock.initialized(
              NetworkPresets.named("resnet32", BranchStyle.PAPER, CIFAR, 10), manager);
      assertThat(parameterCount(block, "trunk.")).isEqualTo(463_504L);
      assertThat(parameterCount(block, "")).isEqualTo(463_504L + 384 + 650);
    }
  }

  @Test
  void resnet18TrunkHasTorchvisionsParameterCount() {
    // torchvision's resnet18 has 11,689,512 parameters, 513,000 of them in its 1000-class fc
    try (NDManager manager = NDManager.newBaseManager()) {
      NetworkBlock block =
          NetworkBlock.initialized(
              NetworkPresets.named("resnet18", BranchStyle.SINGLE, RGB64, 10), manager);
      assertThat(parameterCount(block, "trunk.")).isEqualTo(11_689_512L - 513_000L);
    }
  }

  @Test
  void resnetsEndWithTheExpectedFeatureMaps() {
    assertThat(NetworkPresets.named("resnet32", BranchStyle.PAPER, CIFAR, 10).trunkOutput())
        .isEqualTo(new FeatureShape(64, 8, 8));
    assertThat(NetworkPresets.named("resnet18", BranchStyle.PAPER, RGB64, 10).trunkOutput())
        .isEqualTo(new FeatureShape(512, 2, 2));
    assertThat(
            NetworkPresets.named("resnet18", BranchStyle.SEPARATE, RGB64.withSize(224, 224), 5, 16)
                .branchOutput())
        .isEqualTo(new FeatureShape(128, 7, 7));
    assertThat(NetworkPresets.named("resnet32", BranchStyle.SINGLE, InputSpec.MNIST, 10, 8))
        .extracting(NetworkSpec::trunkOutput)
        .isEqualTo(new FeatureShape(32, 7, 7));
  }

  @Test
  void widthIsTheFirstStagesChannelCountAndDefaultsPerPreset() {
    assertThat(NetworkPresets.defaultWidth("mnist")).isEqualTo(32);
    assertThat(NetworkPresets.defaultWidth("resnet32")).isEqualTo(16);
    assertThat(NetworkPresets.defaultWidth("resnet18")).isEqualTo(64);
    assertThat(NetworkPresets.named("resnet18", BranchStyle.PAPER, RGB64, 10))
        .isEqualTo(NetworkPresets.resnet18(BranchStyle.PAPER, RGB64, 10, 64));
    assertThat(NetworkPresets.named("mnist", BranchStyle.PAPER, InputSpec.MNIST, 10, 16))
        .isEqualTo(NetworkPresets.mnist(new MnistTrunk(16, 2, true), BranchStyle.PAPER));
    IllegalArgumentException zero =
        assertThrows(
            IllegalArgumentException.class,
            () -> NetworkPresets.named("resnet32", BranchStyle.PAPER, CIFAR, 10, 0));
    assertThat(zero).hasMessageContaining("width").hasMessageContaining("got 0");
    assertThrows(
        IllegalArgumentException.class,
        () -> NetworkPresets.named("reference", BranchStyle.SEPARATE, InputSpec.MNIST, 10, 16));
  }

  @ParameterizedTest
  @EnumSource(BranchStyle.class)
  void resnetSpecsSurviveAJsonRoundTripWithResidualBlocks(BranchStyle style, @TempDir Path dir)
      throws IOException {
    for (String name : List.of("resnet32", "resnet18")) {
      NetworkSpec spec = NetworkPresets.named(name, style, CIFAR.withSize(64, 64), 7, 8);
      Path file = dir.resolve(name + ".json");
      JsonFiles.write(file, spec);
      assertThat(JsonFiles.read(file, NetworkSpec.class)).isEqualTo(spec);
    }
    assertThat(JsonFiles.toJson(NetworkPresets.named("resnet32", style, CIFAR, 10)))
        .contains("\"type\":\"residual\"", "\"shortcut\":[", "\"type\":\"pad_channels\"");
  }

  @Test
  void maxPoolWrittenBeforePaddingExistedReadsAsUnpadded(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("layer.json");
    Files.writeString(file, "{\"type\":\"max_pool\",\"kernel\":2,\"stride\":2}");
    assertThat(JsonFiles.read(file, Layer.class)).isEqualTo(new Layer.MaxPool(2, 2, 0));
  }

  @Test
  void residualBlockWhoseShortcutDoesNotMatchItsBodyIsRefused() {
    Layer mismatched = new Layer.Residual(List.of(new Layer.Conv(8, 3, 2, 1, false)), List.of());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new NetworkSpec(CIFAR, 10, List.of(mismatched), new Head(1, List.of(), false)));
    assertThat(e).hasMessageContaining("8x16x16").hasMessageContaining("3x32x32");
  }

  @Test
  void optionAShortcutIsTheSubsampledInputWithZeroChannelsAround() {
    // input 1x4x4 of 1..16 (no normalisation), subsampled to 2x2 and padded to 3 channels: the
    // middle channel holds pixels 1, 3, 9, 11 (mean 6), the others zeros; an identity classifier
    // then shows the pooled channels as logits
    InputSpec raw = InputSpec.grayscale(4, 4, 1f, 0f, 1f);
    NetworkSpec spec =
        new NetworkSpec(
            raw,
            3,
            List.of(new Layer.MaxPool(1, 2), new Layer.PadChannels(3)),
            new Head(1, List.of(), false));
    try (NDManager manager = NDManager.newBaseManager()) {
      NetworkBlock block = NetworkBlock.initialized(spec, manager);
      block
          .parameter("classifier", "weight")
          .getArray()
          .set(new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
      block.parameter("classifier", "bias").getArray().set(new float[3]);
      NDArray image = manager.arange(1f, 17f).reshape(1, 1, 4, 4);
      NDArray logits =
          block.forward(new ParameterStore(manager, false), new NDList(image), false).get(0);
      assertThat(logits.toFloatArray()).containsExactly(new float[] {0f, 6f, 0f}, within(1e-6f));
    }
  }

  @Test
  void initialisationReachesTheLayersInsideResidualBlocks() {
    NetworkSpec spec = NetworkPresets.named("resnet18", BranchStyle.PAPER, RGB64, 10, 8);
    try (NDManager manager = NDManager.newBaseManager()) {
      NetworkBlock block = NetworkBlock.initialized(spec, manager, Initialization.PYTORCH);
      // trunk.4 is the first block (8 -> 8 channels, fan_in 72); trunk.8 the first strided one,
      // whose 1x1 shortcut convolution reads 8 channels (fan_in 8)
      assertBound(block.parameter("trunk.4.body.0", "weight").getArray(), 1 / Math.sqrt(72));
      assertBound(block.parameter("trunk.8.shortcut.0", "weight").getArray(), 1 / Math.sqrt(8));
      assertThat(block.parameter("trunk.8.shortcut.1", "gamma").getArray().toFloatArray())
          .containsOnly(1f);
      assertThat(block.parameter("trunk.8.body.4", "beta").getArray().toFloatArray())
          .containsOnly(0f);
      NetworkBlock he = NetworkBlock.initialized(spec, manager, Initialization.HE_NORMAL);
      // sqrt(2 / 72) = 0.167 against PyTorch's bound 0.118
      assertThat(he.parameter("trunk.4.body.3", "weight").getArray().abs().max().getFloat())
          .isGreaterThan(0.2f);
    }
  }

  @Test
  void residualParametersAreNamedByBodyAndShortcut() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NetworkBlock block =
          NetworkBlock.initialized(
              NetworkPresets.named("resnet32", BranchStyle.SEPARATE, CIFAR, 10, 4), manager);
      assertThat(block.namedParameters().keySet())
          .startsWith("trunk.0.weight", "trunk.1.gamma")
          .contains("trunk.3.body.0.weight", "trunk.3.body.4.runningVar", "classifier.t.weight")
          // option A shortcuts have no parameters
          .noneMatch(name -> name.contains("shortcut"));
    }
  }

  @Test
  void checkpointOfAResnetLoadsWithTheSameLogits(@TempDir Path dir) throws Exception {
    NetworkSpec spec = NetworkPresets.named("resnet18", BranchStyle.PAPER, CIFAR, 4, 4);
    try (NDManager manager = NDManager.newBaseManager()) {
      NetworkBlock trained = NetworkBlock.initialized(spec, manager);
      NDArray images = manager.randomUniform(0f, 255f, new Shape(4, 3, 32, 32));
      // a training-mode forward moves the running statistics inside the residual blocks
      trained.forward(new ParameterStore(manager, false), new NDList(images), true);
      float[] before = logits(trained, manager, images);
      ModelCheckpoint.save(dir.resolve("c"), spec, trained, Map.of());
      NetworkBlock loaded = ModelCheckpoint.load(dir.resolve("c"), manager);
      assertThat(loaded.spec()).isEqualTo(spec);
      assertThat(logits(loaded, manager, images)).containsExactly(before);
      assertThat(loaded.parameter("trunk.8.shortcut.1", "runningMean").getArray().toFloatArray())
          .isNotEqualTo(new float[8]);
    }
  }

  private static float[] logits(NetworkBlock block, NDManager manager, NDArray images) {
    return block
        .forward(new ParameterStore(manager, false), new NDList(images), false)
        .get(0)
        .toFloatArray();
  }

  private static void assertBound(NDArray values, double bound) {
    float max = values.abs().max().getFloat();
    assertThat((double) max).isLessThanOrEqualTo(bound).isGreaterThan(0.8 * bound);
  }

  private static long parameterCount(NetworkBlock block, String prefix) {
    return block.namedParameters().entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix))
        .filter(e -> !e.getKey().endsWith("runningMean") && !e.getKey().endsWith("runningVar"))
        .mapToLong(e -> e.getValue().getArray().size())
        .sum();
  }
}
