package dev.resltj.trainer.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resltj.runtime.Prediction;
import dev.resltj.runtime.ResltClassifier;
import dev.resltj.trainer.cli.CliRunner;
import dev.resltj.trainer.cli.ExitCodes;
import dev.resltj.trainer.cli.ResltTrainCommand;
import dev.resltj.trainer.data.ColourImages;
import dev.resltj.trainer.data.DatasetDescription;
import dev.resltj.trainer.data.DatasetKind;
import dev.resltj.trainer.data.ImageDecoder;
import dev.resltj.trainer.data.ImageEntry;
import dev.resltj.trainer.data.ImageStyle;
import dev.resltj.trainer.evaluation.EvaluationReport;
import dev.resltj.trainer.storage.JsonFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training on the user's own colour images, end to end: an image folder and list files over the
 * same PNGs and JPEGs (three long-tailed classes of 16x16 colour patches), one epoch each from the
 * command line, the exported model opened by {@code runtime/core}, which must classify the test
 * images as the trainer's own evaluation did. The folder is small enough to be held decoded; the
 * list run is made to decode from disk batch by batch ({@code --cache-mb 0}).
 */
class OwnImagesTrainingIT {
  private static final int SIZE = 16;
  private static final int[] TRAIN = {40, 16, 8};
  private static final int[] TEST = {6, 6, 6};

  @TempDir static Path root;
  private static Path images;
  private static List<ImageEntry> trainImages;
  private static List<ImageEntry> testImages;

  @BeforeAll
  static void writeImages() throws Exception {
    images = root.resolve("shapes");
    trainImages = ColourImages.writeFolder(images, "train", TRAIN, SIZE, 1);
    testImages = ColourImages.writeFolder(images, "test", TEST, SIZE, 2);
  }

  private static List<String> args(String name, String... data) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "train",
                "--name",
                name,
                "--runs-dir",
                root.resolve("runs").toString(),
                "--epochs",
                "1",
                "--batch-size",
                "8",
                "--tail-max",
                "10",
                "--medium-max",
                "20",
                "--lr",
                "0.01",
                "--warmup-epochs",
                "0",
                "--threads",
                "1",
                "--loader-threads",
                "2",
                "--quiet"));
    a.addAll(List.of(data));
    return a;
  }

  @Test
  void imageFolderTrainsExportsAndClassifiesInTheRuntime() throws Exception {
    int code =
        CliRunner.run(
            new ResltTrainCommand(),
            args("folder", "--dataset", "folder", "--data-dir", images.toString())
                .toArray(String[]::new));

    assertThat(code).isEqualTo(ExitCodes.OK);
    Path run = root.resolve("runs/folder");
    RunConfig config = JsonFiles.read(run.resolve("run.json"), RunConfig.class);
    assertThat(config.labels()).containsExactlyElementsOf(ColourImages.CLASSES);
    assertThat(config.training().augmentation().cliForm()).isEqualTo("cifar");
    assertThat(Files.readString(run.resolve("split.json"))).contains("fraction-of-training");
    DatasetDescription data = JsonFiles.read(run.resolve("dataset.json"), DatasetDescription.class);
    assertThat(data)
        .isEqualTo(
            new DatasetDescription(
                "shapes",
                DatasetKind.FOLDER,
                ColourImages.CLASSES,
                3,
                SIZE,
                SIZE,
                ImageStyle.PHOTO));
    assertRuntimeAgreesWithReport(run);
  }

  @Test
  void listFilesTrainExportAndClassifyInTheRuntime() throws Exception {
    Path trainList = ColourImages.writeList(images, "train.txt", trainImages);
    Path testList = ColourImages.writeList(images, "test.txt", testImages);
    Path names = Files.writeString(images.resolve("names.txt"), "blue\ngreen\nred\n");

    int code =
        CliRunner.run(
            new ResltTrainCommand(),
            args(
                    "list",
                    "--dataset",
                    "list",
                    "--data-dir",
                    images.toString(),
                    "--train-list",
                    trainList.toString(),
                    "--test-list",
                    testList.toString(),
                    "--class-names",
                    names.toString(),
                    "--augment",
                    "imagenet",
                    "--cache-mb",
                    "0")
                .toArray(String[]::new));

    assertThat(code).isEqualTo(ExitCodes.OK);
    Path run = root.resolve("runs/list");
    assertThat(JsonFiles.read(run.resolve("run.json"), RunConfig.class).labels())
        .containsExactly("blue", "green", "red");
    assertRuntimeAgreesWithReport(run);
  }

  /**
   * The runtime's predictions on the test images, from the trainer's own pixels, score what the
   * trainer's report says (one image may flip on float rounding).
   */
  private static void assertRuntimeAgreesWithReport(Path run) throws Exception {
    EvaluationReport report = EvaluationReport.read(run.resolve("report.json"));
    assertThat(report.images()).isEqualTo(testImages.size());
    ImageDecoder decoder = new ImageDecoder(3, SIZE, SIZE);
    float[] pixels = new float[testImages.size() * 3 * SIZE * SIZE];
    for (int i = 0; i < testImages.size(); i++) {
      byte[] p = decoder.decode(testImages.get(i).file());
      for (int k = 0; k < p.length; k++) {
        pixels[i * p.length + k] = p[k] & 0xFF;
      }
    }
    int correct = 0;
    int correctFromFiles = 0;
    try (ResltClassifier classifier = ResltClassifier.open(run.resolve("model.onnx"))) {
      assertThat(classifier.modelCard().labels()).containsExactlyElementsOf(ColourImages.CLASSES);
      // the card tells the runtime these are photos: never inverted or centred
      assertThat(classifier.modelCard().input().imageKind())
          .isEqualTo(dev.resltj.runtime.ImageKind.PHOTO);
      for (int i = 0; i < testImages.size(); i++) {
        Prediction fromFile = classifier.classify(testImages.get(i).file());
        if (fromFile.label().equals(ColourImages.CLASSES.get(testImages.get(i).label()))) {
          correctFromFiles++;
        }
      }
      List<Prediction> predictions = classifier.classifyAll(pixels, testImages.size());
      for (int i = 0; i < predictions.size(); i++) {
        if (predictions
            .get(i)
            .label()
            .equals(ColourImages.CLASSES.get(testImages.get(i).label()))) {
          correct++;
        }
      }
    }
    // colour patches are easy: one epoch separates them (a broken input path would not)
    assertThat(correct).isGreaterThan(2 * testImages.size() / 3);
    // the runtime's own decoding of the files (resize, colour) agrees with the trainer's
    assertThat((double) correctFromFiles)
        .isCloseTo(correct, org.assertj.core.data.Offset.offset(1.0));
    assertThat((double) correct)
        .isCloseTo(report.top1() * testImages.size(), org.assertj.core.data.Offset.offset(1.0));
  }
}
