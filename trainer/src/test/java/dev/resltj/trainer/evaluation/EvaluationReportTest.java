package dev.resltj.trainer.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.resltj.trainer.data.ClassGroups;
import dev.resltj.trainer.storage.JsonFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationReportTest {
  @TempDir Path dir;

  @Test
  void jsonHasTheTopLevelFieldsTheExporterReads() throws Exception {
    Path file = dir.resolve("report.json");
    JsonFiles.write(file, Fixtures.resltReport());

    JsonNode json = JsonFiles.mapper().readTree(file.toFile());

    List<String> fields = new ArrayList<>();
    json.fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .startsWith("dataset", "images", "top1", "balanced", "head", "medium", "tail")
        .contains("branches", "classRecall", "classSupport", "confusion", "groups");
    assertThat(json.get("dataset").asText()).isEqualTo("tiny-test");
    assertThat(json.get("images").asInt()).isEqualTo(7);
    assertThat(json.get("top1").asDouble()).isEqualTo(4.0 / 7);
    assertThat(json.get("tail").asDouble()).isEqualTo(0.5);
    assertThat(json.get("branches").get("hmt").asDouble()).isEqualTo(5.0 / 7);
    assertThat(json.get("confusion").get("counts").get(0).toString()).isEqualTo("[2,1,0]");
    assertThat(json.get("confusion").get("rowNormalized").get(1).toString())
        .isEqualTo("[0.5,0.5,0.0]");
  }

  @Test
  void absentGroupIsNullInJson() throws Exception {
    EvaluationReport report =
        Evaluator.evaluate(
            Fixtures.resltPredictions(),
            ClassGroups.fromCounts(new int[] {1000, 500, 5}, Fixtures.THRESHOLDS),
            Fixtures.LABELS,
            "tiny");

    JsonNode json = JsonFiles.mapper().valueToTree(report);

    assertThat(json.has("medium")).isTrue();
    assertThat(json.get("medium").isNull()).isTrue();
  }

  @Test
  void readsBackWhatItWrote() throws Exception {
    Path file = dir.resolve("report.json");
    EvaluationReport report = Fixtures.resltReport();
    JsonFiles.write(file, report);

    assertThat(EvaluationReport.read(file)).isEqualTo(report);
  }

  @Test
  void readingAMissingReportNamesTheFile() {
    Path missing = dir.resolve("nope.json");
    Exception e = assertThrows(IOException.class, () -> EvaluationReport.read(missing));
    assertThat(e).hasMessageContaining("nope.json");
  }

  @Test
  void rejectsAccuracyOutsideZeroToOne() {
    EvaluationReport r = Fixtures.resltReport();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new EvaluationReport(
                    r.dataset(),
                    r.images(),
                    57.1,
                    r.balanced(),
                    r.head(),
                    r.medium(),
                    r.tail(),
                    r.branches(),
                    r.branchGroups(),
                    r.classLabels(),
                    r.classRecall(),
                    r.classSupport(),
                    r.confusion(),
                    r.groups()));
    assertThat(e).hasMessageContaining("top-1 accuracy must be a fraction in [0, 1], got 57.1");
  }

  @Test
  void rejectsBranchesOtherThanTheThreeResltBranches() {
    EvaluationReport r = Fixtures.resltReport();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new EvaluationReport(
                    r.dataset(),
                    r.images(),
                    r.top1(),
                    r.balanced(),
                    r.head(),
                    r.medium(),
                    r.tail(),
                    Map.of("hmt", 0.5),
                    Map.of("hmt", new GroupAccuracy(1.0, 1.0, 1.0)),
                    r.classLabels(),
                    r.classRecall(),
                    r.classSupport(),
                    r.confusion(),
                    r.groups()));
    assertThat(e).hasMessageContaining("hmt, mt and t");
  }

  @Test
  void rejectsImageCountThatDisagreesWithTheConfusionMatrix() {
    EvaluationReport r = Fixtures.resltReport();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new EvaluationReport(
                    r.dataset(),
                    8,
                    r.top1(),
                    r.balanced(),
                    r.head(),
                    r.medium(),
                    r.tail(),
                    r.branches(),
                    r.branchGroups(),
                    r.classLabels(),
                    r.classRecall(),
                    r.classSupport(),
                    r.confusion(),
                    r.groups()));
    assertThat(e).hasMessageContaining("add up to 7").hasMessageContaining("8 images");
  }

  @Test
  void confusionMatrixRejectsRowsThatDoNotSumToOne() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new ConfusionMatrix(
                    List.of(List.of(1, 1), List.of(0, 2)),
                    List.of(List.of(0.5, 0.4), List.of(0.0, 1.0))));
    assertThat(e).hasMessageContaining("row 0 sums to 0.9");
  }

  @Test
  void historyWritesUnmeasuredTestAccuracyAsNullAndReadsItBackAsNan() throws Exception {
    Path file = dir.resolve("history.json");
    TrainingHistory history = Fixtures.history();
    JsonFiles.write(file, history);

    String text = Files.readString(file);
    JsonNode epoch2 = JsonFiles.mapper().readTree(text).get("epochs").get(1);
    TrainingHistory back = JsonFiles.read(file, TrainingHistory.class);

    assertThat(text).doesNotContain("NaN").doesNotContain("\"empty\"");
    assertThat(epoch2.get("validationAccuracy").isNull()).isTrue();
    assertThat(epoch2.get("trainLoss").asDouble()).isEqualTo(0.7);
    assertThat(back.epochs().get(1).validationAccuracy()).isNaN();
    assertThat(back.epochs().get(1).hasValidationAccuracy()).isFalse();
    assertThat(back).isEqualTo(history);
  }

  @Test
  void historyRejectsEpochsOutOfOrder() {
    EpochRecord second = new EpochRecord(2, 0.5, 0.5, 0.5, 0.1, 10, 1);
    EpochRecord first = new EpochRecord(1, 0.5, 0.5, 0.5, 0.1, 10, 1);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new TrainingHistory(List.of(second, first)));
    assertThat(e).hasMessageContaining("epoch 1 follows epoch 2");
  }

  @Test
  void epochRejectsAccuracyGivenAsPercent() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new EpochRecord(1, 0.5, 0.5, 98.2, 0.1, 10, 1));
    assertThat(e).hasMessageContaining("validation accuracy").hasMessageContaining("98.2");
  }
}
