package dev.resltj.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a split's validation images come from, for profiles that leave no image unused. */
class ValidationSourcesTest {
  private static final GroupThresholds THRESHOLDS = new GroupThresholds(10, 50);

  /** A long-tailed set already: 100, 40 and 10 images. */
  private static LabeledImages longTailed() {
    int[] counts = {100, 40, 10};
    int n = Arrays.stream(counts).sum();
    int[] labels = new int[n];
    for (int c = 0, k = 0; c < counts.length; c++) {
      for (int i = 0; i < counts[c]; i++) {
        labels[k++] = c;
      }
    }
    return LabeledImages.of(new byte[n], labels, 1, 1, 1, 3);
  }

  @Test
  void asIsHoldsOutAFractionOfEachClassForValidation() {
    LongTailSplit split =
        LongTailSplit.draw(
            longTailed(),
            new LongTailProfile.AsIs(),
            3,
            false,
            THRESHOLDS,
            new ValidationChoice(50, 0.1, false));

    assertThat(split.validationSource()).isEqualTo(ValidationSource.FRACTION);
    assertThat(split.classCounts()).containsExactly(90, 36, 9);
    assertThat(split.validationIndices()).hasSize(15);
    int[] train = split.indices();
    assertThat(
            Arrays.stream(split.validationIndices())
                .noneMatch(v -> Arrays.binarySearch(train, v) >= 0))
        .isTrue();
  }

  @Test
  void aFractionNeverTakesAClassLastTrainingImage() {
    int[] labels = {0, 0, 0, 0, 1};
    LongTailSplit split =
        LongTailSplit.draw(
            LabeledImages.of(new byte[5], labels, 1, 1, 1, 2),
            new LongTailProfile.AsIs(),
            1,
            false,
            THRESHOLDS,
            new ValidationChoice(50, 0.4, false));
    assertThat(split.classCounts()).containsExactly(2, 1);
  }

  @Test
  void givenValidationImagesLeaveTheTrainingImagesWhole() {
    LongTailSplit split =
        LongTailSplit.draw(
            longTailed(),
            new LongTailProfile.AsIs(),
            3,
            false,
            THRESHOLDS,
            new ValidationChoice(50, 0.1, true));
    assertThat(split.validationSource()).isEqualTo(ValidationSource.GIVEN);
    assertThat(split.classCounts()).containsExactly(100, 40, 10);
    assertThat(split.validationIndices()).isEmpty();
  }

  @Test
  void aProfileLeavingSpareImagesDrawsValidationFromThemAsBefore() {
    LongTailSplit split =
        LongTailSplit.draw(
            longTailed(),
            new LongTailProfile.Counts(java.util.List.of(50, 20, 5)),
            3,
            false,
            THRESHOLDS,
            new ValidationChoice(5, 0.1, false));
    assertThat(split.validationSource()).isEqualTo(ValidationSource.UNUSED);
    assertThat(split.validationIndices()).hasSize(15);
    assertThat(split.classCounts()).containsExactly(50, 20, 5);
  }

  @Test
  void theSourceAndFractionSurviveSplitJson(@TempDir Path dir) throws Exception {
    LabeledImages data = longTailed();
    LongTailSplit split =
        LongTailSplit.draw(
            data,
            new LongTailProfile.AsIs(),
            3,
            false,
            THRESHOLDS,
            new ValidationChoice(50, 0.2, false));
    Path file = dir.resolve("split.json");
    split.write(file);

    LongTailSplit read = LongTailSplit.read(file, data);

    assertThat(read.toRecord()).isEqualTo(split.toRecord());
    assertThat(read.toRecord().validationFraction()).isEqualTo(0.2);
  }

  @Test
  void asIsParsesAndPrintsBack() {
    assertThat(LongTailProfile.parse("as-is")).isEqualTo(new LongTailProfile.AsIs());
    assertThat(new LongTailProfile.AsIs().cliForm()).isEqualTo("as-is");
  }
}
