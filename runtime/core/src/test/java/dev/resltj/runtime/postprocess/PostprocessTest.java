package dev.resltj.runtime.postprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PostprocessTest {
  @Test
  void topKOrdersByScoreAndBreaksTiesByIndex() {
    float[] scores = {0.1f, 0.5f, 0.2f, 0.5f, 0.05f};
    assertThat(TopK.select(scores, 0, 5, 3)).containsExactly(1, 3, 2);
    assertThat(TopK.select(scores, 0, 5, 9)).containsExactly(1, 3, 2, 0, 4);
    assertThat(TopK.select(scores, 0, 5, 1)).containsExactly(1);
  }

  @Test
  void topKReadsOneRowOfABatch() {
    float[] batch = {9, 0, 0, 0, 1, 2};
    assertThat(TopK.select(batch, 3, 3, 2)).containsExactly(2, 1);
    assertThrows(IllegalArgumentException.class, () -> TopK.select(batch, 0, 3, 0));
  }

  @Test
  void softmaxIsStableForLargeLogits() {
    float[] logits = {1000f, 1001f, 999f};
    float[] out = new float[3];
    Softmax.apply(logits, 0, 3, out);
    double e = Math.exp(1);
    assertThat((double) out[1]).isCloseTo(e / (1 + e + 1 / e), within(1e-6));
    assertThat(out[0] + out[1] + out[2]).isCloseTo(1f, within(1e-6f));
  }

  @Test
  void recognisesProbabilityRows() {
    assertThat(Softmax.isDistribution(new float[] {0.2f, 0.8f}, 0, 2)).isTrue();
    assertThat(Softmax.isDistribution(new float[] {2f, -1f}, 0, 2)).isFalse();
    assertThat(Softmax.isDistribution(new float[] {0.2f, 0.2f}, 0, 2)).isFalse();
  }

  @Test
  void probabilitiesFollowTheOutputsTheModelHas() {
    assertThat(ClassProbabilities.forOutputs(true, true)).isEqualTo(ClassProbabilities.GIVEN);
    assertThat(ClassProbabilities.forOutputs(true, false)).isEqualTo(ClassProbabilities.GIVEN);
    assertThat(ClassProbabilities.forOutputs(false, true))
        .isEqualTo(ClassProbabilities.SOFTMAX_OF_LOGITS);
    assertThat(ClassProbabilities.forOutputs(false, false))
        .isEqualTo(ClassProbabilities.FROM_UNNAMED_SCORES);
  }

  @Test
  void unnamedScoresThatAreADistributionAreNotSoftmaxedTwice() {
    float[] rows = {0.9f, 0.1f, 2f, 0f};
    float[] out = new float[4];

    ClassProbabilities.FROM_UNNAMED_SCORES.fill(rows, 0, 2, out);
    ClassProbabilities.FROM_UNNAMED_SCORES.fill(rows, 2, 2, out);

    assertThat(out[0]).isEqualTo(0.9f);
    assertThat(out[1]).isEqualTo(0.1f);
    double e2 = Math.exp(2);
    assertThat((double) out[2]).isCloseTo(e2 / (e2 + 1), within(1e-6));
  }

  @Test
  void namedLogitsAreAlwaysSoftmaxedAndGivenProbabilitiesKept() {
    float[] looksLikeADistribution = {0.9f, 0.1f};
    float[] out = new float[2];

    ClassProbabilities.SOFTMAX_OF_LOGITS.fill(looksLikeADistribution, 0, 2, out);
    assertThat((double) out[0]).isCloseTo(Math.exp(0.8) / (Math.exp(0.8) + 1), within(1e-6));

    ClassProbabilities.GIVEN.fill(new float[] {0.3f, 0.7f}, 0, 2, out);
    assertThat(out).containsExactly(0.3f, 0.7f);
  }
}
