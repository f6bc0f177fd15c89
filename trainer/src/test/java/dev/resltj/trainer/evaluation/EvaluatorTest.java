package dev.resltj.trainer.evaluation;

import static dev.resltj.trainer.evaluation.Fixtures.GROUPS;
import static dev.resltj.trainer.evaluation.Fixtures.LABELS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.resltj.trainer.data.ClassGroups;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
  private static final Offset<Double> EXACT = within(1e-12);

  @Test
  void computesTopOneAndBalancedAccuracyByHand() {
    EvaluationReport report = Fixtures.resltReport();

    assertThat(report.images()).isEqualTo(7);
    assertThat(report.top1()).isCloseTo(4.0 / 7, EXACT);
    assertThat(report.balanced()).isCloseTo((2.0 / 3 + 0.5 + 0.5) / 3, EXACT);
  }

  @Test
  void computesGroupAccuracyOverTheImagesOfEachGroup() {
    EvaluationReport report = Fixtures.resltReport();

    assertThat(report.head()).isCloseTo(2.0 / 3, EXACT);
    assertThat(report.medium()).isCloseTo(0.5, EXACT);
    assertThat(report.tail()).isCloseTo(0.5, EXACT);
  }

  @Test
  void computesPerClassRecallAndSupport() {
    EvaluationReport report = Fixtures.resltReport();

    assertThat(report.classRecall()).containsExactly(2.0 / 3, 0.5, 0.5);
    assertThat(report.classSupport()).containsExactly(3, 2, 2);
    assertThat(report.classLabels()).containsExactly("cat", "dog", "owl");
  }

  @Test
  void computesEachBranchOnItsOwn() {
    EvaluationReport report = Fixtures.resltReport();

    assertThat(report.branches()).containsOnlyKeys("hmt", "mt", "t");
    assertThat(report.branches().keySet()).containsExactly("hmt", "mt", "t");
    assertThat(report.branches().get("hmt")).isCloseTo(5.0 / 7, EXACT);
    assertThat(report.branches().get("mt")).isCloseTo(4.0 / 7, EXACT);
    assertThat(report.branches().get("t")).isCloseTo(2.0 / 7, EXACT);
    assertThat(report.branchGroups().get("hmt")).isEqualTo(new GroupAccuracy(1.0, 1.0, 0.0));
    assertThat(report.branchGroups().get("mt")).isEqualTo(new GroupAccuracy(0.0, 1.0, 1.0));
    assertThat(report.branchGroups().get("t")).isEqualTo(new GroupAccuracy(0.0, 0.0, 1.0));
  }

  @Test
  void singleHeadModelHasNoBranchAccuracy() {
    EvaluationReport report =
        Evaluator.evaluate(
            PredictionSet.of(Fixtures.TRUE, Fixtures.FUSED, List.of()), GROUPS, LABELS, "tiny");

    assertThat(report.branches()).isEmpty();
    assertThat(report.branchGroups()).isEmpty();
    assertThat(report.hasBranches()).isFalse();
    assertThat(report.top1()).isCloseTo(4.0 / 7, EXACT);
  }

  @Test
  void confusionMatrixCountsTrueClassesInRows() {
    ConfusionMatrix confusion = Fixtures.resltReport().confusion();

    assertThat(confusion.counts())
        .containsExactly(List.of(2, 1, 0), List.of(1, 1, 0), List.of(1, 0, 1));
  }

  @Test
  void rowNormalizedConfusionRowsSumToOne() {
    ConfusionMatrix confusion = Fixtures.resltReport().confusion();

    assertThat(confusion.rowNormalized().get(0)).containsExactly(2.0 / 3, 1.0 / 3, 0.0);
    for (List<Double> row : confusion.rowNormalized()) {
      assertThat(row.stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-12));
    }
    for (int c = 0; c < 3; c++) {
      assertThat(confusion.fraction(c, c)).isEqualTo(Fixtures.resltReport().classRecall().get(c));
    }
  }

  @Test
  void groupWithoutClassesIsAbsentNotNan() {
    ClassGroups noMedium = ClassGroups.fromCounts(new int[] {1000, 500, 5}, Fixtures.THRESHOLDS);

    EvaluationReport report =
        Evaluator.evaluate(Fixtures.resltPredictions(), noMedium, LABELS, "tiny");

    assertThat(report.medium()).isNull();
    assertThat(report.head()).isCloseTo(3.0 / 5, EXACT);
    assertThat(report.tail()).isCloseTo(0.5, EXACT);
    assertThat(report.branchGroups().get("t").medium()).isNull();
  }

  @Test
  void classWithoutTestImagesHasNoRecallAndAZeroConfusionRow() {
    int[] labels = {0, 0, 1, 1};
    int[] predicted = {0, 2, 1, 1};

    EvaluationReport report =
        Evaluator.evaluate(PredictionSet.of(labels, predicted, List.of()), GROUPS, LABELS, "tiny");

    assertThat(report.classRecall()).containsExactly(0.5, 1.0, null);
    assertThat(report.balanced()).isCloseTo(0.75, EXACT);
    assertThat(report.tail()).isNull();
    assertThat(report.confusion().rowNormalized().get(2)).containsExactly(0.0, 0.0, 0.0);
    assertThat(report.confusion().count(0, 2)).isEqualTo(1);
  }

  @Test
  void rejectsPredictedClassOutsideTheClasses() {
    int[] predicted = Arrays.copyOf(Fixtures.FUSED, 7);
    predicted[4] = 3;
    PredictionSet predictions = PredictionSet.of(Fixtures.TRUE, predicted, List.of());

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Evaluator.evaluate(predictions, GROUPS, LABELS, "tiny"));
    assertThat(e).hasMessageContaining("class index 3").hasMessageContaining("0..2");
  }

  @Test
  void rejectsClassLabelsThatDoNotMatchTheGroups() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Evaluator.evaluate(
                    Fixtures.resltPredictions(), GROUPS, List.of("cat", "dog"), "tiny"));
    assertThat(e).hasMessageContaining("2 class labels").hasMessageContaining("3 classes");
  }

  @Test
  void rejectsBlankDatasetName() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Evaluator.evaluate(Fixtures.resltPredictions(), GROUPS, LABELS, " "));
  }
}
