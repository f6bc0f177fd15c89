package dev.resltj.trainer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.resltj.trainer.storage.JsonFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkSpecTest {

  @Test
  void specSurvivesAJsonRoundTripWithLayerTypeNames(@TempDir Path dir) throws Exception {
    for (BranchStyle style : BranchStyle.values()) {
      NetworkSpec spec = NetworkPresets.mnist(MnistTrunk.DEEP_BN, style);
      Path file = dir.resolve(style.id() + ".json");
      JsonFiles.write(file, spec);
      assertThat(JsonFiles.read(file, NetworkSpec.class)).isEqualTo(spec);
    }
    String json = JsonFiles.toJson(NetworkPresets.reference());
    assertThat(json)
        .contains("\"type\":\"conv\"", "\"type\":\"leaky_relu\"", "\"type\":\"max_pool\"")
        .doesNotContain("reslt\"", "style");
  }

  @Test
  void runFolderFromBeforeColourSupportReadsItsScalarNormalisationAsOneChannel(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("input.json");
    java.nio.file.Files.writeString(
        file,
        "{\"channels\":1,\"height\":28,\"width\":28,\"maxValue\":255.0,\"mean\":0.1307,"
            + "\"std\":0.3081}");
    assertThat(JsonFiles.read(file, InputSpec.class)).isEqualTo(InputSpec.MNIST);
  }

  @Test
  void inputNeedsOneMeanAndOneStdPerChannel() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new InputSpec(3, 32, 32, 255f, List.of(0.5f), List.of(0.2f, 0.2f, 0.2f)));
    assertThat(e).hasMessageContaining("one mean and one std per channel (3)");
  }

  @Test
  void unknownLayerTypeInJsonIsRefusedWithItsName(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("network.json");
    java.nio.file.Files.writeString(
        file,
        "{\"input\":{\"channels\":1,\"height\":28,\"width\":28,\"maxValue\":255,\"mean\":0,"
            + "\"std\":1},\"numClasses\":10,\"trunk\":[{\"type\":\"attention\"}],"
            + "\"head\":{\"branches\":1,\"branchLayers\":[],\"sharedClassifier\":false}}");
    java.io.IOException e =
        assertThrows(java.io.IOException.class, () -> JsonFiles.read(file, NetworkSpec.class));
    assertThat(e).hasMessageContaining("attention").hasMessageContaining(file.toString());
  }

  @Test
  void specWhosePoolingLeavesNothingIsRefused() {
    List<Layer> trunk = List.of(new Layer.MaxPool(8, 8), new Layer.MaxPool(8, 8));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new NetworkSpec(InputSpec.MNIST, 10, trunk, new Head(1, List.of(), false)));
    assertThat(e).hasMessageContaining("3x3");
  }

  @Test
  void defaultMnistNetworkIsThePaperStyleOnTheBatchNormTrunk() {
    NetworkSpec spec = NetworkPresets.mnist();
    assertThat(spec.head().style()).isEqualTo(BranchStyle.PAPER);
    assertThat(spec.trunk()).filteredOn(l -> l instanceof Layer.BatchNorm).hasSize(4);
    assertThat(spec.trunkOutput()).isEqualTo(new FeatureShape(64, 7, 7));
  }

  @Test
  void presetsAreFoundByNameAndUnknownNamesListTheKnownOnes() {
    assertThat(NetworkPresets.named("reference", BranchStyle.SINGLE))
        .isEqualTo(NetworkPresets.reference(BranchStyle.SINGLE));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> NetworkPresets.named("resnet", BranchStyle.PAPER));
    assertThat(e)
        .hasMessageContaining("resnet")
        .hasMessageContaining("mnist, reference, resnet32, resnet18");
  }

  @Test
  void referenceNetworkRefusesThePaperStyle() {
    assertThrows(IllegalArgumentException.class, () -> NetworkPresets.reference(BranchStyle.PAPER));
  }
}
