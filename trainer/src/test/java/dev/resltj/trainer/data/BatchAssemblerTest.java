package dev.resltj.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BatchAssemblerTest {
  private static final LabeledImages SET = IdxFixtures.balanced(3, 4);

  @Test
  void fillsRawPixelValuesAndLabelsInBatchOrder() {
    BatchAssembler a = new BatchAssembler(SET, 4, Augmentation.NONE);

    int n = a.fill(new int[] {5, 0, 9, 99}, 3, new Random(1));

    assertThat(n).isEqualTo(3);
    assertThat(a.labels()).startsWith(2, 0, 0);
    float[] expected = new float[16];
    SET.copyImage(9, expected, 0);
    float[] third = java.util.Arrays.copyOfRange(a.pixels(), 32, 48);
    assertThat(third).isEqualTo(expected);
    assertThat(a.pixels()[0]).isEqualTo(5 * 7);
  }

  @Test
  void keepsByteValuesAbove127Positive() {
    // image 20 of this set starts with byte 20 * 7 = 140, which Java reads as -116
    BatchAssembler a = new BatchAssembler(IdxFixtures.balanced(3, 20), 1, Augmentation.NONE);

    a.fillRange(20, 1);

    assertThat(a.pixels()[0]).isEqualTo(140f);
    assertThat(a.pixels()[15]).isEqualTo(155f);
  }

  @Test
  void reusesItsBuffers() {
    BatchAssembler a = new BatchAssembler(SET, 4, Augmentation.DEFAULT);
    float[] pixels = a.pixels();
    int[] labels = a.labels();

    a.fill(new int[] {1, 2, 3, 4}, 4, new Random(1));
    a.fill(new int[] {5, 6}, 2, new Random(2));

    assertThat(a.pixels()).isSameAs(pixels);
    assertThat(a.labels()).isSameAs(labels);
  }

  @Test
  void augmentsEachImageWhenAsked() {
    BatchAssembler plain = new BatchAssembler(SET, 4, Augmentation.NONE);
    BatchAssembler augmented = new BatchAssembler(SET, 4, new Augmentation(1, 0));
    int[] idx = {0, 1, 2, 3};

    plain.fill(idx, 4, new Random(1));
    augmented.fill(idx, 4, new Random(1));

    assertThat(augmented.pixels()).isNotEqualTo(plain.pixels());
    assertThat(augmented.labels()).isEqualTo(plain.labels());
  }

  @Test
  void rejectsBatchLargerThanItsBuffers() {
    BatchAssembler a = new BatchAssembler(SET, 2, Augmentation.NONE);

    assertThrows(IllegalArgumentException.class, () -> a.fill(new int[3], 3, new Random()));
  }

  @Test
  void reportsTheInputShape() {
    BatchAssembler a = new BatchAssembler(SET, 8, Augmentation.NONE);

    assertThat(a.shape(5)).containsExactly(5, 1, 4, 4);
    assertThat(a.imageSize()).isEqualTo(16);
  }
}
