package dev.resltj.trainer.model;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCheckpointTest {
  @TempDir Path dir;

  record State(int epoch, double loss) {}

  @Test
  void loadedBlockComputesTheSameLogitsIncludingBatchNormStatistics() throws IOException {
    NetworkSpec spec = NetworkPresets.mnist(MnistTrunk.DEEP_BN, BranchStyle.PAPER);
    Path checkpoint = dir.resolve("checkpoint");
    try (NDManager manager = NDManager.newBaseManager()) {
      NetworkBlock trained = NetworkBlock.initialized(spec, manager);
      NDArray images = manager.randomUniform(0f, 255f, new Shape(16, 1, 28, 28));
      // a training-mode forward moves the BatchNorm running statistics off their initial values
      trained.forward(new ParameterStore(manager, false), new NDList(images), true);
      float[] before = infer(trained, manager, images);
      ModelCheckpoint.save(checkpoint, spec, trained, Map.of("state.json", new State(3, 0.25)));

      NetworkBlock loaded = ModelCheckpoint.load(checkpoint, manager);

      assertThat(loaded.spec()).isEqualTo(spec);
      assertThat(infer(loaded, manager, images)).containsExactly(before);
      assertThat(loaded.parameter("trunk.1", "runningMean").getArray().toFloatArray())
          .isEqualTo(trained.parameter("trunk.1", "runningMean").getArray().toFloatArray())
          .isNotEqualTo(new float[32]);
    }
    assertThat(JsonFiles.read(checkpoint.resolve("state.json"), State.class))
        .isEqualTo(new State(3, 0.25));
    assertThat(ModelCheckpoint.readSpec(checkpoint)).isEqualTo(spec);
  }

  @Test
  void savingAgainReplacesTheCheckpointAndLeavesNoTemporaryFolders() throws IOException {
    NetworkSpec spec = NetworkPresets.reference();
    Path checkpoint = dir.resolve("checkpoint");
    try (NDManager manager = NDManager.newBaseManager()) {
      ModelCheckpoint.save(
          checkpoint,
          spec,
          NetworkBlock.initialized(spec, manager),
          Map.of("state.json", new State(1, 1.0)));
      NetworkBlock second = NetworkBlock.initialized(spec, manager);
      ModelCheckpoint.save(checkpoint, spec, second, Map.of("state.json", new State(2, 0.5)));

      NetworkBlock loaded = ModelCheckpoint.load(checkpoint, manager);
      assertThat(loaded.parameter("trunk.0", "weight").getArray().toFloatArray())
          .isEqualTo(second.parameter("trunk.0", "weight").getArray().toFloatArray());
    }
    assertThat(JsonFiles.read(checkpoint.resolve("state.json"), State.class).epoch()).isEqualTo(2);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(checkpoint);
    }
  }

  @Test
  void loadFindsThePreviousCheckpointWhenASaveDiedBetweenItsTwoRenames() throws IOException {
    NetworkSpec spec = NetworkPresets.reference();
    Path checkpoint = dir.resolve("checkpoint");
    try (NDManager manager = NDManager.newBaseManager()) {
      ModelCheckpoint.save(checkpoint, spec, NetworkBlock.initialized(spec, manager));
      // what a crash after "move the old one aside" and before "move the new one in" leaves
      Files.move(checkpoint, dir.resolve(".checkpoint.previous"));

      assertThat(ModelCheckpoint.load(checkpoint, manager).spec()).isEqualTo(spec);
    }
  }

  @Test
  void truncatedParametersAreReportedAsTruncated() throws IOException {
    Path checkpoint = savedReference();
    Path parameters = checkpoint.resolve(ModelCheckpoint.PARAMETERS_FILE);
    byte[] bytes = Files.readAllBytes(parameters);
    Files.write(parameters, java.util.Arrays.copyOf(bytes, bytes.length / 2));

    CheckpointException e = assertThrows(CheckpointException.class, () -> load(checkpoint));
    assertThat(e)
        .hasMessageContaining(parameters.toString())
        .hasMessageContaining("truncated")
        .hasMessageContaining(bytes.length / 2 + " of " + bytes.length + " bytes");
  }

  @Test
  void flippedParameterBytesAreReportedAsCorrupt() throws IOException {
    Path checkpoint = savedReference();
    Path parameters = checkpoint.resolve(ModelCheckpoint.PARAMETERS_FILE);
    byte[] bytes = Files.readAllBytes(parameters);
    bytes[bytes.length - 7] ^= 0x5A;
    Files.write(parameters, bytes);

    CheckpointException e = assertThrows(CheckpointException.class, () -> load(checkpoint));
    assertThat(e).hasMessageContaining(parameters.toString()).hasMessageContaining("corrupt");
  }

  @Test
  void parametersOfAnotherNetworkAreRefused() throws IOException {
    Path checkpoint = savedReference();
    JsonFiles.write(
        checkpoint.resolve(ModelCheckpoint.NETWORK_FILE),
        NetworkPresets.mnist(new MnistTrunk(16, 1, false), BranchStyle.SEPARATE));

    CheckpointException e = assertThrows(CheckpointException.class, () -> load(checkpoint));
    assertThat(e)
        .hasMessageContaining(ModelCheckpoint.NETWORK_FILE)
        .hasMessageContaining(ModelCheckpoint.PARAMETERS_FILE);
  }

  @Test
  void locateFindsTheCheckpointOfARunFolder() throws IOException {
    Path checkpoint = savedReference();
    assertThat(ModelCheckpoint.locate(dir)).isEqualTo(checkpoint);
    assertThat(ModelCheckpoint.locate(checkpoint)).isEqualTo(checkpoint);
    Path elsewhere = dir.resolve("elsewhere");
    assertThat(ModelCheckpoint.locate(elsewhere)).isEqualTo(elsewhere);
  }

  @Test
  void missingFilesAreNamed() throws IOException {
    assertThat(assertThrows(CheckpointException.class, () -> load(dir.resolve("nowhere"))))
        .hasMessageContaining("nowhere")
        .hasMessageContaining("does not exist");

    Path checkpoint = savedReference();
    Files.delete(checkpoint.resolve(ModelCheckpoint.PARAMETERS_FILE));
    assertThat(assertThrows(CheckpointException.class, () -> load(checkpoint)))
        .hasMessageContaining("parameters.bin is missing");

    Files.delete(checkpoint.resolve(ModelCheckpoint.NETWORK_FILE));
    assertThat(assertThrows(CheckpointException.class, () -> load(checkpoint)))
        .hasMessageContaining("network.json is missing")
        .hasMessageContaining("not a checkpoint folder");
  }

  @Test
  void malformedNetworkFileIsNamed() throws IOException {
    Path checkpoint = savedReference();
    Path network = checkpoint.resolve(ModelCheckpoint.NETWORK_FILE);
    String json = Files.readString(network);
    Files.writeString(network, json.substring(0, json.length() / 3));

    assertThat(assertThrows(CheckpointException.class, () -> load(checkpoint)))
        .hasMessageContaining(network.toString());
  }

  @Test
  void extraFilesMayNotReplaceTheCheckpointsOwn() {
    NetworkSpec spec = NetworkPresets.reference();
    try (NDManager manager = NDManager.newBaseManager()) {
      NetworkBlock block = NetworkBlock.initialized(spec, manager);
      assertThrows(
          IllegalArgumentException.class,
          () -> ModelCheckpoint.save(dir.resolve("c"), spec, block, Map.of("network.json", 1)));
      assertThrows(
          IllegalArgumentException.class,
          () -> ModelCheckpoint.save(dir.resolve("c"), spec, block, Map.of("../state.json", 1)));
    }
  }

  private Path savedReference() throws IOException {
    NetworkSpec spec = NetworkPresets.reference();
    Path checkpoint = dir.resolve("checkpoint");
    try (NDManager manager = NDManager.newBaseManager()) {
      ModelCheckpoint.save(checkpoint, spec, NetworkBlock.initialized(spec, manager));
    }
    return checkpoint;
  }

  private static void load(Path checkpoint) throws CheckpointException {
    try (NDManager manager = NDManager.newBaseManager()) {
      ModelCheckpoint.load(checkpoint, manager);
    }
  }

  private static float[] infer(NetworkBlock block, NDManager manager, NDArray images) {
    return block
        .forward(new ParameterStore(manager, false), new NDList(images), false)
        .get(0)
        .toFloatArray();
  }
}
