package dev.resltj.trainer.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.resltj.trainer.data.ClassGroups;
import dev.resltj.trainer.data.GroupThresholds;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every objective against values worked out by hand. Three classes: 0 head (2000 images), 1 medium
 * (500), 2 tail (50). Logit rows are picked so each cross-entropy is the log of a small number:
 * {@code [0, 0, 0]} gives ln 3 for any label; {@code [ln 2, 0, 0]} gives ln 2 for label 0 (softmax
 * 2/4) and ln 4 for labels 1 and 2; {@code [0, 0, ln 2]} gives ln 2 for label 2.
 */
class LossesTest {
  private static final float LN2 = (float) Math.log(2);
  private static final double L2 = Math.log(2);
  private static final double L3 = Math.log(3);
  private static final ClassGroups GROUPS =
      new ClassGroups(GroupThresholds.MNIST_LT, List.of(2000, 500, 50));

  private NDManager manager;

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  private NDArray logits(float[][] rows) {
    return manager.create(rows);
  }

  private NDArray labels(long... values) {
    return manager.create(values);
  }

  private static double value(NDArray scalar) {
    assertThat(scalar.getShape().isScalar()).as("loss is a scalar").isTrue();
    return scalar.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble();
  }

  @Test
  void crossEntropyIsTheMeanOverTheBatch() {
    // label 0 on [ln2,0,0]: ln 2; label 1 on [ln2,0,0]: ln 4 -> mean 1.5 ln 2
    NDArray out = logits(new float[][] {{LN2, 0, 0}, {LN2, 0, 0}});
    double loss = value(new CrossEntropyLoss().compute(new NDList(out), labels(0, 1)));
    assertThat(loss).isCloseTo(1.5 * L2, within(1e-6));
  }

  @Test
  void logitAdjustedAddsTauTimesLogPriorBeforeTheSoftmax() {
    // counts 2000/1000/1000: prior [1/2, 1/4, 1/4]; logits 0 + log prior -> softmax = prior
    // label 0: -ln(1/2) = ln 2; label 1: -ln(1/4) = ln 4 -> mean 1.5 ln 2
    LogitAdjustedLoss loss = LogitAdjustedLoss.of(List.of(2000, 1000, 1000), 1.0);
    NDArray out = logits(new float[][] {{0, 0, 0}, {0, 0, 0}});
    assertThat(value(loss.compute(new NDList(out), labels(0, 1))))
        .isCloseTo(1.5 * L2, within(1e-6));
  }

  @Test
  void logitAdjustedTemperatureScalesTheShift() {
    // tau 2: shifts [ln 1/4, ln 1/16, ln 1/16] -> exp [4/16, 1/16, 1/16], sum 6/16
    // label 0: ln((6/16)/(4/16)) = ln 1.5
    LogitAdjustedLoss loss = LogitAdjustedLoss.of(List.of(2000, 1000, 1000), 2.0);
    NDArray out = logits(new float[][] {{0, 0, 0}});
    assertThat(value(loss.compute(new NDList(out), labels(0))))
        .isCloseTo(Math.log(1.5), within(1e-6));
    assertThat(loss.adjustment()[1]).isCloseTo((float) (2 * Math.log(0.25)), within(1e-6f));
  }

  /** The batch of the masked ResLT tests: one sample per group, labels 0 (head), 1, 2 (tail). */
  private NDList resltOutputs() {
    NDArray fused = logits(new float[][] {{0, 0, 0}, {0, 0, 0}, {0, 0, 0}});
    NDArray hmt = logits(new float[][] {{LN2, 0, 0}, {LN2, 0, 0}, {LN2, 0, 0}});
    // row 0 is a head sample: masked out of m+t, so its large logit must not count
    NDArray mt = logits(new float[][] {{0, 9, 0}, {0, 0, 0}, {0, 0, 0}});
    // rows 0 and 1 are not tail: masked out of t
    NDArray t = logits(new float[][] {{9, 0, 0}, {0, 0, 9}, {0, 0, LN2}});
    return new NDList(fused, hmt, mt, t);
  }

  @Test
  void resltMasksEachBranchToItsGroupsAndAveragesOverCountedPairs() {
    // fused: ln 3 for each sample -> mean ln 3
    // hmt, all 3 samples: ln 2 + ln 4 + ln 4 = 5 ln 2
    // mt, samples 1 and 2 (medium, tail): ln 3 + ln 3 = 2 ln 3
    // t, sample 2 (tail): ln 2
    // pairs: 3 + 2 + 1 = 6 -> L_branch = (6 ln 2 + 2 ln 3) / 6 = ln 2 + ln 3 / 3
    // alpha 0.5: L = 0.5 ln 3 + 0.5 (ln 2 + ln 3 / 3) = 0.5 ln 2 + (2/3) ln 3 = 1.078978
    double loss = value(new ResltLoss(0.5, GROUPS).compute(resltOutputs(), labels(0, 1, 2)));
    assertThat(loss).isCloseTo(0.5 * L2 + 2.0 / 3 * L3, within(1e-6));
  }

  @Test
  void resltAlphaWeighsFusionAgainstBranches() {
    // alpha 0.8: 0.2 ln 3 + 0.8 (ln 2 + ln 3 / 3)
    double loss = value(new ResltLoss(0.8, GROUPS).compute(resltOutputs(), labels(0, 1, 2)));
    assertThat(loss).isCloseTo(0.2 * L3 + 0.8 * (L2 + L3 / 3), within(1e-6));
  }

  @Test
  void resltOnAnAllHeadBatchCountsOnlyTheHmtBranch() {
    // labels 0, 0, 0: hmt ln 2 each, mt and t masked out -> L_branch = 3 ln 2 / 3 = ln 2
    double loss = value(new ResltLoss(0.5, GROUPS).compute(resltOutputs(), labels(0, 0, 0)));
    assertThat(loss).isCloseTo(0.5 * L3 + 0.5 * L2, within(1e-6));
  }

  @Test
  void resltWithLogitAdjustedFusionShiftsOnlyTheFusionTerm() {
    // counts 2000/500/50 (+ nothing else): prior [2000, 500, 50] / 2550; fused logits 0 -> softmax
    // = prior, so CE_fused(label y) = -ln(prior_y): ln(2550/2000), ln(2550/500), ln(2550/50)
    double fused = (Math.log(2550.0 / 2000) + Math.log(2550.0 / 500) + Math.log(2550.0 / 50)) / 3;
    ResltLoss loss = new ResltLoss(0.5, GROUPS, LogitAdjustedLoss.of(GROUPS.classCounts(), 1.0));
    double value = value(loss.compute(resltOutputs(), labels(0, 1, 2)));
    assertThat(value).isCloseTo(0.5 * fused + 0.5 * (L2 + L3 / 3), within(1e-6));
  }

  @Test
  void branchSamplingAveragesEachBranchOverItsOwnBatch() {
    // B = 2. rows 0-1 from all (labels 0, 1), rows 2-3 from m+t (1, 2), rows 4-5 from t (2, 2)
    // fused on rows 0-1: ln 3, ln 3 -> ln 3 (rows 2-5 of fused are ignored: set to 7)
    // hmt on rows 0-1 ([ln2,0,0]): ln 2, ln 4 -> 1.5 ln 2
    // mt on rows 2-3 ([0,0,0]): ln 3
    // t on rows 4-5 ([0,0,ln2], [0,0,0]): (ln 2 + ln 3) / 2
    // alpha 0.5: 0.5 ln 3 + 0.5 (1.5 ln 2 + ln 3 + 0.5 ln 2 + 0.5 ln 3) = ln 2 + 1.25 ln 3
    float[] zero = {0, 0, 0};
    float[] junk = {7, 0, 0};
    float[] head = {LN2, 0, 0};
    NDArray fused = logits(new float[][] {zero, zero, junk, junk, junk, junk});
    NDArray hmt = logits(new float[][] {head, head, junk, junk, junk, junk});
    NDArray mt = logits(new float[][] {junk, junk, zero, zero, junk, junk});
    NDArray t = logits(new float[][] {junk, junk, junk, junk, {0, 0, LN2}, zero});
    double loss =
        value(
            new BranchSamplingLoss(0.5)
                .compute(new NDList(fused, hmt, mt, t), labels(0, 1, 1, 2, 2, 2)));
    assertThat(loss).isCloseTo(L2 + 1.25 * L3, within(1e-6));
  }

  @Test
  void branchSamplingMeasuresAccuracyOnTheFirstBatchOnly() {
    assertThat(new BranchSamplingLoss(0.5).distributionRows(384)).isEqualTo(128);
    assertThat(new ResltLoss(0.5, GROUPS).distributionRows(128)).isEqualTo(128);
  }

  @Test
  void branchSamplingRejectsRowsThatAreNotThreeBatches() {
    NDArray out = logits(new float[][] {{0, 0, 0}, {0, 0, 0}});
    NDList outputs = new NDList(out, out, out, out);
    assertThrows(
        IllegalArgumentException.class,
        () -> new BranchSamplingLoss(0.5).compute(outputs, labels(0, 1)));
  }

  @Test
  void resltRejectsSingleHeadOutputs() {
    NDArray out = logits(new float[][] {{0, 0, 0}});
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ResltLoss(0.5, GROUPS).compute(new NDList(out), labels(0)));
    assertThat(e).hasMessageContaining("[fused, hmt, mt, t]");
  }

  @Test
  void rejectsAlphaOutsideZeroToOne() {
    var e = assertThrows(IllegalArgumentException.class, () -> new ResltLoss(1.5, GROUPS));
    assertThat(e).hasMessageContaining("alpha").hasMessageContaining("1.5");
  }

  @Test
  void lossGradientFlowsToTheLogits() {
    // d/dz of the mean CE over one row [0,0,0], label 0: softmax - onehot = [1/3 - 1, 1/3, 1/3]
    NDArray z = logits(new float[][] {{0, 0, 0}});
    z.setRequiresGradient(true);
    try (var collector = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
      collector.backward(new CrossEntropyLoss().compute(new NDList(z), labels(0)));
    }
    assertThat(z.getGradient().toFloatArray())
        .containsExactly(new float[] {-2f / 3, 1f / 3, 1f / 3}, within(1e-6f));
  }
}
