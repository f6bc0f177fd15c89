package dev.resltj.trainer.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.resltj.trainer.data.Augmentation;
import dev.resltj.trainer.data.ClassGroups;
import dev.resltj.trainer.data.GroupThresholds;
import dev.resltj.trainer.data.LabeledImages;
import dev.resltj.trainer.loss.Method;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SampledBatchesTest {
  /**
   * 1x1 images whose pixel is their class; classes 0 (head, 200), 1 (medium, 150), 2 (tail, 10).
   */
  private static final LabeledImages IMAGES = images(200, 150, 10);

  private static final ClassGroups GROUPS =
      ClassGroups.fromCounts(IMAGES.classCounts(), new GroupThresholds(10, 150));

  private static LabeledImages images(int... counts) {
    int n = Arrays.stream(counts).sum();
    byte[] pixels = new byte[n];
    int[] labels = new int[n];
    int k = 0;
    for (int c = 0; c < counts.length; c++) {
      for (int i = 0; i < counts[c]; i++) {
        pixels[k] = (byte) c;
        labels[k++] = c;
      }
    }
    return LabeledImages.of(pixels, labels, 1, 1, 1, counts.length);
  }

  @Test
  void branchSamplingStacksAllThenMediumAndTailThenTail() {
    SampledBatches b =
        SampledBatches.forMethod(
            Method.RESLT_BRANCH_SAMPLING, IMAGES, GROUPS, 32, Augmentation.NONE, 5);
    assertThat(b.imagesPerStep()).isEqualTo(96);
    assertThat(b.stepsPerEpoch()).isEqualTo((360 + 31) / 32);
    float[] pixels = new float[96];
    int[] labels = new int[96];
    b.startEpoch(1);
    b.next(pixels, labels);
    for (int i = 0; i < 96; i++) {
      assertThat(pixels[i]).as("pixel follows label").isEqualTo(labels[i]);
    }
    assertThat(Arrays.stream(labels, 32, 64)).allMatch(l -> l == 1 || l == 2);
    assertThat(Arrays.stream(labels, 64, 96)).allMatch(l -> l == 2);
  }

  @Test
  void sameEpochDrawsTheSameBatchesAfterARestart() {
    int[] first = new int[64];
    int[] again = new int[64];
    SampledBatches a =
        SampledBatches.forMethod(Method.RESLT, IMAGES, GROUPS, 64, Augmentation.NONE, 9);
    a.startEpoch(3);
    a.next(new float[64], first);
    SampledBatches b =
        SampledBatches.forMethod(Method.RESLT, IMAGES, GROUPS, 64, Augmentation.NONE, 9);
    b.startEpoch(3);
    b.next(new float[64], again);
    assertThat(again).containsExactly(first);
  }

  @Test
  void classBalancedSamplingSeesTailAsOftenAsHead() {
    SampledBatches b =
        SampledBatches.forMethod(Method.CE_BALANCED, IMAGES, GROUPS, 300, Augmentation.NONE, 1);
    int[] labels = new int[300];
    b.startEpoch(1);
    b.next(new float[300], labels);
    long tail = Arrays.stream(labels).filter(l -> l == 2).count();
    assertThat(tail).isBetween(70L, 130L);
  }

  @Test
  void branchSamplingWithoutTailClassesNamesTheThreshold() {
    ClassGroups noTail = ClassGroups.fromCounts(IMAGES.classCounts(), new GroupThresholds(5, 150));
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SampledBatches.forMethod(
                    Method.RESLT_BRANCH_SAMPLING, IMAGES, noTail, 32, Augmentation.NONE, 1));
    assertThat(e).hasMessageContaining("--tail-max");
  }
}
