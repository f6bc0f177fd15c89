package dev.resltj.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SamplersTest {
  private static final LabeledImages SET = IdxFixtures.withCounts(70, 20, 8, 2);

  @Test
  void instanceSamplingVisitsEveryImageOncePerEpoch() {
    InstanceSampler s = InstanceSampler.of(SET, 32, PartialBatch.KEEP, 1);

    List<int[]> epoch = epoch(s);

    assertThat(s.stepsPerEpoch()).isEqualTo(4);
    assertThat(epoch.stream().mapToInt(b -> b.length).toArray()).containsExactly(32, 32, 32, 4);
    int[] all = epoch.stream().flatMapToInt(Arrays::stream).sorted().toArray();
    assertThat(all).isEqualTo(range(100));
  }

  @Test
  void instanceSamplingReshufflesEachEpoch() {
    InstanceSampler s = InstanceSampler.of(SET, 100, PartialBatch.KEEP, 1);

    int[] first = epoch(s).get(0);
    int[] second = epoch(s).get(0);

    assertThat(s.epoch()).isEqualTo(2);
    assertThat(first).isNotEqualTo(second);
    assertThat(sorted(second)).isEqualTo(range(100));
  }

  @Test
  void sameSeedGivesSameBatches() {
    assertThat(flat(epoch(InstanceSampler.of(SET, 16, PartialBatch.KEEP, 42))))
        .isEqualTo(flat(epoch(InstanceSampler.of(SET, 16, PartialBatch.KEEP, 42))));
    assertThat(flat(epoch(InstanceSampler.of(SET, 16, PartialBatch.KEEP, 42))))
        .isNotEqualTo(flat(epoch(InstanceSampler.of(SET, 16, PartialBatch.KEEP, 43))));
  }

  @Test
  void startEpochReproducesTheUninterruptedRun() {
    InstanceSampler uninterrupted = InstanceSampler.of(SET, 16, PartialBatch.KEEP, 5);
    epoch(uninterrupted);
    epoch(uninterrupted);
    int[] third = flat(epoch(uninterrupted));

    InstanceSampler resumed = InstanceSampler.of(SET, 16, PartialBatch.KEEP, 5);
    resumed.startEpoch(2);

    assertThat(flat(epoch(resumed))).isEqualTo(third);
  }

  @Test
  void droppingThePartialBatchGivesFullBatchesOnly() {
    InstanceSampler s = InstanceSampler.of(SET, 32, PartialBatch.DROP, 1);

    List<int[]> epoch = epoch(s);

    assertThat(s.stepsPerEpoch()).isEqualTo(3);
    assertThat(epoch).allSatisfy(b -> assertThat(b).hasSize(32));
    assertThat(Arrays.stream(flat(epoch)).distinct().count()).isEqualTo(96);
  }

  @Test
  void fillingCompletesBatchesFromTheNextShuffle() {
    InstanceSampler s = InstanceSampler.of(SET, 32, PartialBatch.FILL, 1);

    List<int[]> epoch = epoch(s);

    assertThat(epoch).hasSize(4).allSatisfy(b -> assertThat(b).hasSize(32));
    int[] firstHundred = Arrays.copyOf(flat(epoch), 100);
    assertThat(sorted(firstHundred)).isEqualTo(range(100));
  }

  @Test
  void fillingStreamStaysInTheEpochItWasGiven() {
    InstanceSampler tail = InstanceSampler.ofClasses(SET, Set.of(2, 3), 4, PartialBatch.FILL, 1);
    int[] buf = new int[4];
    List<Integer> drawn = new ArrayList<>();
    for (int i = 0; i < 3 * tail.stepsPerEpoch(); i++) {
      tail.next(buf);
      for (int v : buf) {
        drawn.add(v);
      }
    }
    InstanceSampler fresh = InstanceSampler.ofClasses(SET, Set.of(2, 3), 4, PartialBatch.FILL, 1);
    fresh.startEpoch(1);
    fresh.next(buf);

    assertThat(tail.epoch()).isZero();
    // epoch 1's first pass is not a replay of anything drawn in epoch 0
    assertThat(Arrays.stream(buf).boxed().toList())
        .isNotEqualTo(drawn.subList(tail.poolSize(), tail.poolSize() + 4));
    assertThat(drawn.stream().distinct().count()).isEqualTo(10);
  }

  @Test
  void groupRestrictedSamplingDrawsOnlyThoseClasses() {
    InstanceSampler tail = InstanceSampler.ofClasses(SET, Set.of(2, 3), 32, PartialBatch.FILL, 1);

    List<int[]> epoch = epoch(tail);

    assertThat(tail.poolSize()).isEqualTo(10);
    assertThat(tail.stepsPerEpoch()).isEqualTo(1);
    assertThat(epoch.get(0)).hasSize(32);
    for (int index : epoch.get(0)) {
      assertThat(SET.label(index)).isIn(2, 3);
    }
  }

  @Test
  void rejectsClassesWithoutImages() {
    LabeledImages noTail = IdxFixtures.withCounts(5, 5, 0);

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> InstanceSampler.ofClasses(noTail, Set.of(2), 4, PartialBatch.FILL, 1));

    assertThat(e.getMessage()).contains("[2]").contains("no training images");
  }

  @Test
  void rejectsDroppingWhenNoBatchIsFull() {
    assertThrows(
        IllegalArgumentException.class,
        () -> InstanceSampler.of(IdxFixtures.withCounts(3, 3), 8, PartialBatch.DROP, 1));
  }

  @Test
  void classBalancedSamplingDrawsClassesUniformly() {
    ClassBalancedSampler s = ClassBalancedSampler.of(SET, 100, PartialBatch.KEEP, 3);
    int[] perClass = new int[4];
    int[] batch = new int[100];

    for (int step = 0; step < 400; step++) {
      int n = s.next(batch);
      for (int i = 0; i < n; i++) {
        perClass[SET.label(batch[i])]++;
      }
    }

    // 40,000 draws, 10,000 expected per class; 4 standard deviations is about 350
    assertThat(Arrays.stream(perClass).boxed())
        .allSatisfy(n -> assertThat(n).isBetween(9_650, 10_350));
  }

  @Test
  void classBalancedEpochMatchesInstanceEpoch() {
    ClassBalancedSampler balanced = ClassBalancedSampler.of(SET, 32, PartialBatch.KEEP, 3);
    InstanceSampler instance = InstanceSampler.of(SET, 32, PartialBatch.KEEP, 3);

    assertThat(balanced.stepsPerEpoch()).isEqualTo(instance.stepsPerEpoch());
    assertThat(epoch(balanced).stream().mapToInt(b -> b.length).toArray())
        .containsExactly(32, 32, 32, 4);
  }

  @Test
  void classBalancedStartEpochIsReproducible() {
    ClassBalancedSampler a = ClassBalancedSampler.of(SET, 32, PartialBatch.KEEP, 3);
    epoch(a);
    int[] second = flat(epoch(a));
    ClassBalancedSampler b = ClassBalancedSampler.of(SET, 32, PartialBatch.KEEP, 3);
    b.startEpoch(1);

    assertThat(flat(epoch(b))).isEqualTo(second);
  }

  private static List<int[]> epoch(BatchSampler s) {
    List<int[]> batches = new ArrayList<>();
    int[] buf = new int[s.batchSize()];
    for (int i = 0; i < s.stepsPerEpoch(); i++) {
      int n = s.next(buf);
      batches.add(Arrays.copyOf(buf, n));
    }
    return batches;
  }

  private static int[] flat(List<int[]> batches) {
    return batches.stream().flatMapToInt(Arrays::stream).toArray();
  }

  private static int[] sorted(int[] a) {
    int[] s = a.clone();
    Arrays.sort(s);
    return s;
  }

  private static int[] range(int n) {
    int[] r = new int[n];
    for (int i = 0; i < n; i++) {
      r[i] = i;
    }
    return r;
  }
}
