package dev.resltj.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.resltj.trainer.provenance.DataFileHash;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real MNIST files (skipped when {@code reslt.mnist.dir} does not hold them). */
class MnistIT {
  private static MnistData data;

  @BeforeAll
  static void load() {
    String dir = System.getProperty("reslt.mnist.dir", "data/mnist");
    assumeTrue(MnistFiles.present(Path.of(dir)), "no MNIST in " + dir);
    long t0 = System.nanoTime();
    data = MnistFiles.locate(Path.of(dir)).loadVerified();
    System.out.printf(
        "MNIST (4 files, verified) loaded in %.0f ms%n", (System.nanoTime() - t0) / 1e6);
  }

  @Test
  void realMnistLoadsWithReferenceHashes() {
    assertThat(data.train().size()).isEqualTo(60_000);
    assertThat(data.test().size()).isEqualTo(10_000);
    assertThat(data.train().height()).isEqualTo(28);
    assertThat(data.train().width()).isEqualTo(28);
    assertThat(data.files().stream().map(DataFileHash::sha256))
        .containsExactlyElementsOf(MnistFiles.SHA256.values());
  }

  @Test
  void trainingSetHasMnistClassSizes() {
    assertThat(data.train().classCounts())
        .containsExactly(5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949);
    assertThat(data.test().classCounts())
        .containsExactly(980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009);
  }

  @Test
  void mnistLtSplitHasReferenceCountsAndGroups() {
    LongTailSplit split =
        LongTailSplit.draw(
            data.train(), new LongTailProfile.MnistLt(), 0, false, GroupThresholds.MNIST_LT);

    // the reference's counts, except digit 6: mnist-lt takes all 5,918, and 50 go to validation
    assertThat(split.size()).isEqualTo(11_104);
    assertThat(split.apply(data.train()).classCounts())
        .containsExactly(42, 125, 187, 28, 601, 300, 5868, 2698, 1188, 67);
    assertThat(split.validation(data.train()).classCounts())
        .containsExactly(50, 50, 50, 50, 50, 50, 50, 50, 50, 50);
    assertThat(split.toRecord().groups())
        .isEqualTo(
            new SplitRecord.Groups(
                java.util.List.of(6, 7, 8),
                java.util.List.of(1, 2, 4, 5),
                java.util.List.of(0, 3, 9)));
  }

  @Test
  void assemblesAugmentedBatchesQuickly() {
    LabeledImages train = data.train();
    BatchAssembler plain = new BatchAssembler(train, 128, Augmentation.NONE);
    BatchAssembler augmented = new BatchAssembler(train, 128, Augmentation.DEFAULT);
    InstanceSampler sampler = InstanceSampler.of(train, 128, PartialBatch.KEEP, 1);
    int[] batch = new int[128];
    Random rng = new Random(1);
    for (int i = 0; i < 200; i++) {
      plain.fill(batch, sampler.next(batch), rng);
      augmented.fill(batch, sampler.next(batch), rng);
    }
    double plainRate = rate(plain, sampler, batch, rng);
    double augmentedRate = rate(augmented, sampler, batch, rng);
    System.out.printf(
        "batch assembly, batch 128, one thread: %.0f images/s plain, %.0f images/s with shift 2 +"
            + " rotation 10%n",
        plainRate, augmentedRate);
    assertThat(augmentedRate).isGreaterThan(5_000);
  }

  private static double rate(BatchAssembler a, BatchSampler s, int[] batch, Random rng) {
    int images = 0;
    long t0 = System.nanoTime();
    while (System.nanoTime() - t0 < 1_000_000_000L) {
      images += a.fill(batch, s.next(batch), rng);
    }
    return images / ((System.nanoTime() - t0) / 1e9);
  }
}
