package dev.resltj.trainer.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.onnx.proto.OnnxMl;
import com.fasterxml.jackson.databind.JsonNode;
import dev.resltj.runtime.ImageKind;
import dev.resltj.runtime.ModelCard;
import dev.resltj.runtime.OnnxContract;
import dev.resltj.runtime.Polarity;
import dev.resltj.runtime.Prediction;
import dev.resltj.runtime.ResltClassifier;
import dev.resltj.runtime.TensorSpec;
import dev.resltj.trainer.model.BranchStyle;
import dev.resltj.trainer.model.CheckpointException;
import dev.resltj.trainer.model.InputSpec;
import dev.resltj.trainer.model.NetworkPresets;
import dev.resltj.trainer.storage.JsonFiles;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelExportTest {
  @TempDir Path dir;

  @Test
  void exportedRunCarriesItsRunSplitReportAndProvenance() throws IOException {
    Path run = RunFolderFixture.create(dir, NetworkPresets.reference());
    Files.writeString(
        run.resolve("provenance.json"),
        "{\"dataFiles\": [{\"path\": \"train-images-idx3-ubyte\", \"sha256\": \"ba89\"}],"
            + " \"javaVersion\": \"17 (trainer box)\"}");
    Path onnx = dir.resolve("out/model.onnx");

    ExportResult result = ModelExport.exportRun(run, onnx);

    assertThat(result.bytes()).isEqualTo(Files.size(onnx));
    assertThat(result.sha256()).hasSize(64);
    Map<String, String> props = metadata(onnx);
    assertThat(props)
        .containsEntry(OnnxContract.KEY_METHOD, "reslt")
        .containsEntry(OnnxContract.KEY_ALPHA, "0.5")
        .containsEntry(OnnxContract.KEY_BRANCH_STYLE, "separate")
        .containsEntry(OnnxContract.KEY_CLASS_COUNTS, "[42,125,187,28,601,300,5918,2698,1188,67]");
    assertThat(json(props, OnnxContract.KEY_LABELS).get(3).asText()).isEqualTo("three");
    JsonNode split = json(props, OnnxContract.KEY_SPLIT);
    assertThat(split.get("seed").asInt()).isEqualTo(7);
    assertThat(split.get("profile").asText()).isEqualTo("mnist-lt");
    assertThat(split.has("indices")).isFalse();
    JsonNode metrics = json(props, OnnxContract.KEY_METRICS);
    assertThat(metrics.get("top1").asDouble()).isEqualTo(0.9871);
    assertThat(metrics.get("tail").asDouble()).isEqualTo(0.975);
    assertThat(metrics.get("images").asInt()).isEqualTo(10000);
    assertThat(metrics.has("perClassRecall")).isFalse();
    assertThat(json(props, OnnxContract.KEY_RUN_CONFIG).get("epochs").asInt()).isEqualTo(2);
    JsonNode provenance = json(props, OnnxContract.KEY_PROVENANCE);
    assertThat(provenance.get("javaVersion").asText())
        .as("the run's own record is kept")
        .isEqualTo("17 (trainer box)");
    assertThat(provenance.path("dataFiles").path(0).path("sha256").asText()).isEqualTo("ba89");
    assertThat(provenance.get("exportedUtc").asText()).endsWith("Z");
    assertThat(provenance.get("exportedBy").asText()).startsWith("reslt-train ");
  }

  @Test
  void runtimeReadsTheExportedMetadataAsItsModelCard() throws IOException {
    Path run = RunFolderFixture.create(dir, NetworkPresets.mnist());
    Path onnx = dir.resolve("model.onnx");
    ModelExport.exportRun(run, onnx);

    try (ResltClassifier classifier = ResltClassifier.open(onnx)) {
      ModelCard card = classifier.modelCard();
      assertThat(card.labels()).startsWith("zero", "one").hasSize(10);
      assertThat(card.classCounts())
          .containsExactly(42, 125, 187, 28, 601, 300, 5918, 2698, 1188, 67);
      assertThat(card.groups())
          .hasValue(
              new ModelCard.Groups(
                  100, 1000, List.of(6, 7, 8), List.of(1, 2, 4, 5), List.of(0, 3, 9)));
      assertThat(card.input())
          .isEqualTo(
              new ModelCard.Input(
                  1,
                  28,
                  28,
                  0f,
                  255f,
                  Polarity.LIGHT_ON_DARK,
                  ImageKind.DRAWING,
                  List.of(0.1307f),
                  List.of(0.3081f)));
      assertThat(card.dataset()).hasValue("mnist");
      assertThat(card.method()).hasValue("reslt");
      assertThat(card.alpha()).hasValue(0.5);
      assertThat(card.branchStyle()).hasValue("paper");
      assertThat(card.metrics())
          .hasValueSatisfying(
              m -> {
                assertThat(m.images()).isEqualTo(10000);
                assertThat(m.top1()).hasValue(0.9871);
                assertThat(m.tail()).hasValue(0.975);
              });
      assertThat(classifier.outputs().stream().map(TensorSpec::name))
          .contains("logits", "probabilities", "logits_hmt", "logits_mt", "logits_t");
    }
  }

  @Test
  void checkpointFolderIsAcceptedInPlaceOfItsRunFolder() throws IOException {
    Path run = RunFolderFixture.create(dir, NetworkPresets.reference());
    Path onnx = dir.resolve("model.onnx");

    ModelExport.exportRun(run.resolve("checkpoint"), onnx);

    assertThat(metadata(onnx)).containsEntry(OnnxContract.KEY_METHOD, "reslt");
  }

  @Test
  void runWithoutReportHasNoMetricsAndBaselineHasNoAlpha() throws IOException {
    Path run = RunFolderFixture.create(dir, NetworkPresets.reference(BranchStyle.SINGLE));
    Files.delete(run.resolve("report.json"));
    Files.writeString(run.resolve("run.json"), "{\"method\": \"ce\", \"alpha\": 0.5}");
    Path onnx = dir.resolve("model.onnx");

    ModelExport.exportRun(run, onnx);

    assertThat(metadata(onnx))
        .doesNotContainKeys(OnnxContract.KEY_METRICS, OnnxContract.KEY_ALPHA)
        .containsEntry(OnnxContract.KEY_METHOD, "ce")
        .containsEntry(
            OnnxContract.KEY_LABELS,
            "[\"0\",\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\"]");
  }

  @Test
  void truncatedParametersAreRefusedClearlyAndNoFileIsWritten() throws IOException {
    Path run = RunFolderFixture.create(dir, NetworkPresets.reference());
    Path parameters = run.resolve("checkpoint/parameters.bin");
    byte[] bytes = Files.readAllBytes(parameters);
    Files.write(parameters, Arrays.copyOf(bytes, bytes.length - 1000));
    Path onnx = dir.resolve("model.onnx");

    CheckpointException e =
        assertThrows(CheckpointException.class, () -> ModelExport.exportRun(run, onnx));

    assertThat(e).hasMessageContaining(parameters.toString()).hasMessageContaining("truncated");
    assertThat(onnx).doesNotExist();
  }

  @Test
  void failedExportLeavesAnExistingModelUntouched() throws IOException {
    Path run = RunFolderFixture.create(dir, NetworkPresets.reference());
    Path onnx = dir.resolve("model.onnx");
    ModelExport.exportRun(run, onnx);
    byte[] before = Files.readAllBytes(onnx);
    Files.writeString(run.resolve("checkpoint/network.json"), "{\"input\": ");

    assertThrows(CheckpointException.class, () -> ModelExport.exportRun(run, onnx));

    assertThat(Files.readAllBytes(onnx)).isEqualTo(before);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactlyInAnyOrder(run, onnx);
    }
  }

  @Test
  void missingSplitIsNamedWithWhatExportNeeds() throws IOException {
    Path run = RunFolderFixture.create(dir, NetworkPresets.reference());
    Files.delete(run.resolve("split.json"));

    ExportException e =
        assertThrows(
            ExportException.class, () -> ModelExport.exportRun(run, dir.resolve("m.onnx")));

    assertThat(e)
        .hasMessageContaining(run.resolve("split.json").toString())
        .hasMessageContaining("is missing");
  }

  @Test
  void splitWithCountsForAnotherNumberOfClassesIsRefused() throws IOException {
    Path run = RunFolderFixture.create(dir, NetworkPresets.reference());
    Files.writeString(
        run.resolve("split.json"),
        "{\"classCounts\": [1, 2, 3], \"thresholds\": {\"tailMax\": 100, \"mediumMax\": 1000}}");

    ExportException e =
        assertThrows(
            ExportException.class, () -> ModelExport.exportRun(run, dir.resolve("m.onnx")));

    assertThat(e).hasMessageContaining("classCounts").hasMessageContaining("10");
  }

  @Test
  void folderThatIsNeitherRunNorCheckpointIsRefused() throws IOException {
    Path empty = Files.createDirectory(dir.resolve("empty"));
    ExportException e =
        assertThrows(
            ExportException.class, () -> ModelExport.exportRun(empty, dir.resolve("m.onnx")));
    assertThat(e).hasMessageContaining("neither a run folder");
  }

  @Test
  void aColourRunOfAnotherDataSetExportsAPhotoModelWithItsNormalisation() throws IOException {
    InputSpec rgb =
        new InputSpec(3, 24, 32, 255f, List.of(0.5f, 0.4f, 0.3f), List.of(0.25f, 0.2f, 0.15f));
    Path run =
        RunFolderFixture.create(dir, NetworkPresets.reference(BranchStyle.SEPARATE, rgb, 10));
    Files.writeString(
        run.resolve("run.json"),
        RunFolderFixture.RUN_JSON.replace(
            "\"dataset\": \"mnist\"", "\"dataset\": \"shop-photos\""));
    Path onnx = dir.resolve("model.onnx");

    ModelExport.exportRun(run, onnx);

    try (ResltClassifier classifier = ResltClassifier.open(onnx)) {
      ModelCard card = classifier.modelCard();
      assertThat(card.dataset()).hasValue("shop-photos");
      assertThat(card.input())
          .isEqualTo(
              new ModelCard.Input(
                  3,
                  24,
                  32,
                  0f,
                  255f,
                  Polarity.ANY,
                  ImageKind.PHOTO,
                  List.of(0.5f, 0.4f, 0.3f),
                  List.of(0.25f, 0.2f, 0.15f)));
      assertThat(classifier.imageSize()).isEqualTo(3 * 24 * 32);
      // the colour graph runs on a decoded JPEG photo of another size
      BufferedImage photo = new BufferedImage(90, 60, BufferedImage.TYPE_INT_RGB);
      photo.setRGB(45, 30, 0xC08040);
      ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
      ImageIO.write(photo, "jpeg", jpeg);
      Prediction p = classifier.classify(jpeg.toByteArray());
      assertThat(p.topK()).hasSize(5);
      assertThat(p.probability()).isBetween(0.1f, 1f);
    }
  }

  @Test
  void runJsonMayDescribeItsImagesAndAnUnknownImageKindIsRefusedNamingTheFile() throws IOException {
    Path run = RunFolderFixture.create(dir, NetworkPresets.reference());
    Path onnx = dir.resolve("model.onnx");
    Files.writeString(
        run.resolve("run.json"),
        "{\"method\": \"ce\", \"dataset\": \"scans\", \"imageKind\": \"drawing\","
            + " \"polarity\": \"dark_on_light\"}");
    ModelExport.exportRun(run, onnx);
    try (ResltClassifier classifier = ResltClassifier.open(onnx)) {
      assertThat(classifier.modelCard().input().imageKind()).isEqualTo(ImageKind.DRAWING);
      assertThat(classifier.modelCard().input().polarity()).isEqualTo(Polarity.DARK_ON_LIGHT);
    }

    Files.writeString(run.resolve("run.json"), "{\"method\": \"ce\", \"imageKind\": \"x-ray\"}");
    ExportException e = assertThrows(ExportException.class, () -> ModelExport.exportRun(run, onnx));
    assertThat(e.getMessage()).contains("run.json", "imageKind", "x-ray", "drawing or photo");
  }

  @Test
  void aRunThatNamesItsKindOnlyInTheDataSettingsExportsThatDataSetsName() throws IOException {
    Path run = RunFolderFixture.create(dir, NetworkPresets.reference());
    Path onnx = dir.resolve("model.onnx");
    Files.writeString(
        run.resolve("run.json"),
        "{\"method\": \"ce\", \"data\": {\"dataset\": \"fashion-mnist\"}}");
    ModelExport.exportRun(run, onnx);
    try (ResltClassifier classifier = ResltClassifier.open(onnx)) {
      assertThat(classifier.modelCard().dataset()).hasValue("Fashion-MNIST");
      assertThat(classifier.modelCard().input().imageKind()).isEqualTo(ImageKind.DRAWING);
    }

    Files.writeString(
        run.resolve("run.json"), "{\"method\": \"ce\", \"data\": {\"dataset\": \"cifar\"}}");
    ExportException e = assertThrows(ExportException.class, () -> ModelExport.exportRun(run, onnx));
    assertThat(e.getMessage()).contains("run.json", "data.dataset", "cifar");
  }

  private static Map<String, String> metadata(Path onnx) throws IOException {
    return OnnxModelWriterTest.metadata(OnnxMl.ModelProto.parseFrom(Files.readAllBytes(onnx)));
  }

  private static JsonNode json(Map<String, String> props, String key) throws IOException {
    return JsonFiles.mapper().readTree(props.get(key));
  }
}
