package dev.resltj.trainer.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.resltj.trainer.data.Augmentation;
import dev.resltj.trainer.data.GroupThresholds;
import dev.resltj.trainer.loss.Method;
import dev.resltj.trainer.model.Initialization;
import dev.resltj.trainer.storage.JsonFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunConfigTest {
  static RunConfig config(String name, Method method, String style) {
    return new RunConfig(
        name,
        method,
        0.5,
        List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
        1,
        new NetworkChoice("mnist", style, 32, 2, true, Initialization.PYTORCH),
        new TrainingSettings(
            new OptimizerSettings(OptimizerSettings.Kind.ADAM, 0.9, 0, false),
            new ScheduleSettings(LearningRateSchedule.Kind.COSINE, 1e-3, 1, List.of(), 0.1),
            128,
            20,
            new Augmentation(2, 0)),
        SplitSettings.mnist("data/mnist", "mnist-lt", null, GroupThresholds.MNIST_LT, false, 50),
        new MachineSettings(DeviceChoice.parse("auto"), 2));
  }

  @Test
  void savesMethodAlphaAndLabelsAtTheTopLevelAndReadsBackEqual(@TempDir Path dir) throws Exception {
    RunConfig c = config("r1", Method.RESLT_BRANCH_SAMPLING, "separate");
    Path file = dir.resolve("run.json");
    JsonFiles.write(file, c);
    JsonNode json = JsonFiles.mapper().readTree(file.toFile());
    assertThat(json.get("method").asText()).isEqualTo("reslt-branch-sampling");
    assertThat(json.get("alpha").asDouble()).isEqualTo(0.5);
    assertThat(json.get("labels")).hasSize(10);
    assertThat(json.get("training").get("optimizer").get("kind").asText()).isEqualTo("adam");
    assertThat(json.get("network").get("initialization").asText()).isEqualTo("pytorch");
    assertThat(json.get("machine").get("device").asText()).isEqualTo("auto");
    assertThat(json.get("data").get("validationPerClass").asInt()).isEqualTo(50);
    assertThat(JsonFiles.read(file, RunConfig.class)).isEqualTo(c);
  }

  @Test
  void baselineWithAThreeBranchHeadIsRejected() {
    var e = assertThrows(IllegalArgumentException.class, () -> config("r", Method.CE, "paper"));
    assertThat(e).hasMessageContaining("single head");
  }

  @Test
  void runNameMustBeAFolderName() {
    var e =
        assertThrows(IllegalArgumentException.class, () -> config("../x", Method.RESLT, "paper"));
    assertThat(e).hasMessageContaining("'../x'");
  }

  @Test
  void warmUpLongerThanTheRunIsRejected() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new TrainingSettings(
                    new OptimizerSettings(OptimizerSettings.Kind.ADAM, 0.9, 0, false),
                    new ScheduleSettings(LearningRateSchedule.Kind.COSINE, 1e-3, 3, List.of(), 0.1),
                    128,
                    2,
                    Augmentation.NONE));
    assertThat(e).hasMessageContaining("warm-up (3 epochs) is longer than the run (2)");
  }

  @Test
  void branchSamplingStepsCarryThreeBatches() {
    assertThat(config("r", Method.RESLT_BRANCH_SAMPLING, "paper").imagesPerStep()).isEqualTo(384);
    assertThat(config("r", Method.RESLT, "paper").imagesPerStep()).isEqualTo(128);
  }
}
