package dev.resltj.trainer.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.resltj.trainer.data.ClassGroups;
import dev.resltj.trainer.data.GroupThresholds;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
  /**
   * One complete run folder, written once: drawing and encoding plots takes a second per report.
   */
  @TempDir static Path writtenRun;

  private static List<Path> written;

  @TempDir Path runDir;

  @BeforeAll
  static void writeOnce() throws IOException {
    System.setProperty("java.awt.headless", "true");
    written =
        ReportWriter.write(writtenRun, Fixtures.resltReport(), Fixtures.history(), Fixtures.GROUPS);
  }

  @Test
  void writesReportHistoryMarkdownAndFourPlots() throws IOException {
    Path runDir = writtenRun;
    assertThat(written)
        .containsExactly(
            runDir.resolve("report.json"),
            runDir.resolve("report.md"),
            runDir.resolve("history.json"),
            runDir.resolve("plots/class-distribution.png"),
            runDir.resolve("plots/confusion-matrix.png"),
            runDir.resolve("plots/recall-vs-training-count.png"),
            runDir.resolve("plots/training-curves.png"));
    for (Path file : written) {
      assertThat(Files.size(file)).as(file.toString()).isGreaterThan(100);
    }
  }

  @Test
  void plotsArePngsOfTheExpectedSize() throws IOException {
    int s = ReportPlots.SCALE;
    int[] heatmap = ReportPlots.heatmapSize(3);

    assertSize(
        "class-distribution.png",
        ReportPlots.DISTRIBUTION_WIDTH * s,
        ReportPlots.DISTRIBUTION_HEIGHT * s);
    assertSize("confusion-matrix.png", heatmap[0] * s, heatmap[1] * s);
    assertSize(
        "recall-vs-training-count.png",
        ReportPlots.RECALL_WIDTH * s,
        ReportPlots.RECALL_HEIGHT * s);
    assertSize(
        "training-curves.png", 2 * ReportPlots.CURVE_WIDTH * s, ReportPlots.CURVE_HEIGHT * s);
  }

  private void assertSize(String name, int width, int height) throws IOException {
    BufferedImage image = ImageIO.read(writtenRun.resolve("plots").resolve(name).toFile());
    assertThat(image).as(name).isNotNull();
    assertThat(image.getWidth()).as(name + " width").isEqualTo(width);
    assertThat(image.getHeight()).as(name + " height").isEqualTo(height);
  }

  @Test
  void classDistributionDrawsBarsInGroupColours() throws IOException {
    BufferedImage image = ImageIO.read(writtenRun.resolve("plots/class-distribution.png").toFile());
    long coloured = 0;
    for (int y = 0; y < image.getHeight(); y += 4) {
      for (int x = 0; x < image.getWidth(); x += 4) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        if (rgb == 0x0072B2 || rgb == 0x009E73 || rgb == 0xD55E00) {
          coloured++;
        }
      }
    }
    assertThat(coloured).isGreaterThan(100);
  }

  @Test
  void rewritingLeavesNoTemporaryFiles() throws IOException {
    Path copy = runDir.resolve("run");
    ReportWriter.write(copy, Fixtures.resltReport(), Fixtures.history(), Fixtures.GROUPS);
    ReportWriter.write(copy, Fixtures.resltReport(), Fixtures.history(), Fixtures.GROUPS);

    try (Stream<Path> files = Files.walk(copy)) {
      assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
          .hasSize(7)
          .noneMatch(name -> name.startsWith(".") || name.endsWith(".tmp"));
    }
  }

  @Test
  void markdownSummarisesMetricsGroupsClassesAndLinksThePlots() throws IOException {
    String md = Files.readString(writtenRun.resolve("report.md"));

    assertThat(md)
        .contains("# Evaluation on tiny-test")
        .contains("| top-1 accuracy")
        .contains("57.14%")
        .contains("55.56%")
        .contains("| h+m+t  | all classes   | 71.43% | 100.00% | 100.00% |   0.00% |")
        .contains("| owl   | tail   |               5 |           2 | 50.00% |")
        .contains("| medium | dog     |              50 |           2 |   50.00% |      50.00% |")
        .contains("| true \\ predicted |   cat |   dog |   owl | total |")
        .contains("| cat              | **2** |     1 |     · |     3 |")
        .contains("![Training set class distribution](plots/class-distribution.png)")
        .contains("![Loss and accuracy per epoch](plots/training-curves.png)")
        .contains("| 2     |     0.7000 |     75.00% |               - |      8.00e-04 |");
  }

  @Test
  void withoutHistoryWritesNoCurvesAndNoHistory() throws IOException {
    List<Path> written =
        ReportWriter.write(
            runDir, Fixtures.resltReport(), TrainingHistory.empty(), Fixtures.GROUPS);

    assertThat(written).hasSize(5);
    assertThat(runDir.resolve("plots/training-curves.png")).doesNotExist();
    assertThat(runDir.resolve("history.json")).doesNotExist();
    assertThat(Files.readString(runDir.resolve("report.md")))
        .doesNotContain("training-curves.png")
        .doesNotContain("## Training\n");
  }

  @Test
  void rejectsGroupsOtherThanTheReportsOwn() {
    ClassGroups other = ClassGroups.fromCounts(new int[] {1000, 500, 5}, Fixtures.THRESHOLDS);

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ReportWriter.write(runDir, Fixtures.resltReport(), TrainingHistory.empty(), other));
    assertThat(e).hasMessageContaining("class groups");
  }

  @Test
  void drawsLongTailsWithManyClasses() throws IOException {
    int classes = 40;
    int[] counts = new int[classes];
    int[] labels = new int[classes * 3];
    int[] predicted = new int[classes * 3];
    String[] names = new String[classes];
    for (int c = 0; c < classes; c++) {
      counts[c] = (int) (500 * Math.pow(0.01, c / 39.0));
      names[c] = "class-" + c;
      for (int i = 0; i < 3; i++) {
        labels[c * 3 + i] = c;
        predicted[c * 3 + i] = i == 0 ? (c + 1) % classes : c;
      }
    }
    ClassGroups groups = ClassGroups.fromCounts(counts, new GroupThresholds(20, 100));
    EvaluationReport report =
        Evaluator.evaluate(
            PredictionSet.of(labels, predicted, List.of()), groups, List.of(names), "many");

    ReportWriter.write(runDir, report, TrainingHistory.empty(), groups);

    BufferedImage heatmap = ImageIO.read(runDir.resolve("plots/confusion-matrix.png").toFile());
    assertThat(heatmap.getWidth())
        .isEqualTo(ReportPlots.heatmapSize(classes)[0] * ReportPlots.SCALE);
    assertThat(report.top1()).isEqualTo(2.0 / 3);
    assertThat(Files.readString(runDir.resolve("report.md")))
        .contains("Too many classes for a readable table")
        .doesNotContain("| true \\ predicted");
  }
}
