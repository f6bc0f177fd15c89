package dev.resltj.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongTailProfileTest {
  /** Images per digit in the MNIST training set. */
  private static final int[] MNIST_TRAIN = {
    5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949
  };

  @Test
  void mnistLtPresetHasReferenceCounts() {
    int[] counts = new LongTailProfile.MnistLt().classCounts(MNIST_TRAIN, new Random(1));

    assertThat(counts).containsExactly(42, 125, 187, 28, 601, 300, 5918, 2698, 1188, 67);
    assertThat(Arrays.stream(counts).sum()).isEqualTo(11_154);
    assertThat(5918 / 28).isEqualTo(211);
  }

  @Test
  void paretoFractionsMatchReference() {
    double[] f = new LongTailProfile.Pareto(6).fractions(10);

    double[] reference = {1, 0.431, 0.203, 0.103, 0.0555, 0.0314, 0.0186, 0.0114, 0.0072, 0.0047};
    for (int i = 0; i < reference.length; i++) {
      // the reference gives 3 significant digits (2 for the last two)
      double tolerance = i >= 8 ? 0.00005 : reference[i] * 0.0015;
      assertThat(f[i]).as("fraction %d", i).isCloseTo(reference[i], within(tolerance));
    }
  }

  @Test
  void paretoWithReferenceShuffleReproducesMnistLt() {
    // the reference's shuffle gave digit 6 the largest fraction, 7 the second, ..., 3 the smallest
    int[] rankOfDigit = {8, 6, 5, 9, 3, 4, 0, 1, 2, 7};

    int[] counts = new LongTailProfile.Pareto(6).countsForRanks(MNIST_TRAIN, rankOfDigit);

    assertThat(counts).containsExactly(42, 125, 187, 28, 601, 300, 5918, 2698, 1188, 67);
  }

  @Test
  void paretoAssignsEachFractionOnceBySeededShuffle() {
    LongTailProfile.Pareto pareto = new LongTailProfile.Pareto(6);
    int[] equal = new int[10];
    Arrays.fill(equal, 10_000);

    int[] a = pareto.classCounts(equal, new Random(3));
    int[] b = pareto.classCounts(equal, new Random(3));

    assertThat(a).isEqualTo(b);
    int[] sorted = a.clone();
    Arrays.sort(sorted);
    assertThat(sorted).containsExactly(46, 72, 113, 185, 314, 554, 1030, 2030, 4307, 10_000);
  }

  @Test
  void exponentialProfileMatchesCifar10Totals() {
    assertThat(sum(new LongTailProfile.Exponential(100).counts(5000, 10))).isEqualTo(12_406);
    assertThat(sum(new LongTailProfile.Exponential(50).counts(5000, 10))).isEqualTo(13_996);
    assertThat(sum(new LongTailProfile.Exponential(10).counts(5000, 10))).isEqualTo(20_431);
  }

  @Test
  void exponentialProfileMatchesCifar100Totals() {
    assertThat(sum(new LongTailProfile.Exponential(100).counts(500, 100))).isEqualTo(10_847);
    assertThat(sum(new LongTailProfile.Exponential(10).counts(500, 100))).isEqualTo(19_573);
  }

  @Test
  void exponentialStartsFromSmallestClassWithClassZeroLargest() {
    int[] counts = new LongTailProfile.Exponential(100).classCounts(MNIST_TRAIN, new Random(0));

    assertThat(counts[0]).isEqualTo(5421);
    assertThat(counts[9]).isEqualTo(54);
    for (int i = 1; i < counts.length; i++) {
      assertThat(counts[i]).isLessThan(counts[i - 1]);
    }
  }

  @Test
  void parsesEveryCliForm() {
    assertThat(LongTailProfile.parse("mnist-lt")).isEqualTo(new LongTailProfile.MnistLt());
    assertThat(LongTailProfile.parse("pareto")).isEqualTo(new LongTailProfile.Pareto(6));
    assertThat(LongTailProfile.parse("pareto:4.5")).isEqualTo(new LongTailProfile.Pareto(4.5));
    assertThat(LongTailProfile.parse(" EXP:100 ")).isEqualTo(new LongTailProfile.Exponential(100));
    assertThat(LongTailProfile.parse("counts:3, 2,1"))
        .isEqualTo(new LongTailProfile.Counts(List.of(3, 2, 1)));
    assertThat(LongTailProfile.parse("full")).isEqualTo(new LongTailProfile.Full());
  }

  @Test
  void cliFormParsesBackToTheSameProfile() {
    for (String form :
        List.of(
            "mnist-lt", "pareto", "pareto:4.5", "exp:100", "exp:12.5", "counts:5,0,7", "full")) {
      assertThat(LongTailProfile.parse(form).cliForm()).isEqualTo(form);
    }
  }

  @Test
  void rejectsUnknownProfileListingTheForms() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LongTailProfile.parse("zipf"));

    assertThat(e.getMessage()).contains("'zipf'").contains("exp:IMBALANCE").contains("counts:");
  }

  @Test
  void rejectsExpWithoutFactor() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LongTailProfile.parse("exp"));

    assertThat(e.getMessage()).contains("exp:100");
  }

  @Test
  void rejectsImbalanceBelowOne() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LongTailProfile.parse("exp:0.5"));

    assertThat(e.getMessage()).contains("at least 1").contains("0.5");
  }

  @Test
  void rejectsCountThatIsNotANumber() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LongTailProfile.parse("counts:4,x,5"));

    assertThat(e.getMessage()).contains("'x'");
  }

  @Test
  void rejectsNegativeCount() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LongTailProfile.parse("counts:4,-1"));

    assertThat(e.getMessage()).contains("class 1").contains("-1");
  }

  @Test
  void rejectsCountsForAnotherNumberOfClasses() {
    LongTailProfile p = LongTailProfile.parse("counts:1,2,3");

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> p.classCounts(MNIST_TRAIN, new Random()));

    assertThat(e.getMessage()).contains("3 counts").contains("10 classes");
  }

  private static int sum(int[] a) {
    return Arrays.stream(a).sum();
  }
}
