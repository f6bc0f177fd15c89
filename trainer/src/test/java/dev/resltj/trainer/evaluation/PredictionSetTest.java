package dev.resltj.trainer.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PredictionSetTest {
  @Test
  void copiesTheCallersArrays() {
    int[] labels = {0, 1};
    int[] fused = {0, 1};
    int[] hmt = {1, 1};

    PredictionSet set = PredictionSet.of(labels, fused, List.of(hmt, hmt, hmt));
    labels[0] = 1;
    fused[0] = 1;
    hmt[0] = 0;

    assertThat(set.label(0)).isZero();
    assertThat(set.fused(0)).isZero();
    assertThat(set.branch(Branch.HMT, 0)).isEqualTo(1);
  }

  @Test
  void rejectsPredictionsOfADifferentLength() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PredictionSet.of(new int[] {0, 1, 2}, new int[] {0, 1}, List.of()));
    assertThat(e).hasMessage("fused predictions have 2 entries but there are 3 labels");
  }

  @Test
  void rejectsABranchOfADifferentLength() {
    int[] three = {0, 1, 2};
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PredictionSet.of(three, three, List.of(three, new int[] {0}, three)));
    assertThat(e).hasMessageStartingWith("mt branch predictions have 1 entries");
  }

  @Test
  void rejectsAnythingButZeroOrThreeBranches() {
    int[] two = {0, 1};
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> PredictionSet.of(two, two, List.of(two, two)));
    assertThat(e).hasMessageContaining("expected 0 or 3").hasMessageContaining("got 2");
  }

  @Test
  void rejectsNegativeClassIndices() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PredictionSet.of(new int[] {0, -1}, new int[] {0, 0}, List.of()));
    assertThat(e).hasMessageContaining("negative class index -1 at image 1");
  }

  @Test
  void rejectsAnEmptySet() {
    assertThrows(
        IllegalArgumentException.class, () -> PredictionSet.of(new int[0], new int[0], List.of()));
  }

  @Test
  void singleHeadSetHasNoBranchesToAskFor() {
    PredictionSet set = PredictionSet.of(new int[] {0}, new int[] {0}, List.of());

    assertThat(set.hasBranches()).isFalse();
    assertThrows(IllegalStateException.class, () -> set.branch(Branch.T, 0));
  }
}
