package dev.resltj.trainer.data;

import java.util.Random;

/**
 * Class-balanced sampling: each sample picks a class uniformly (among classes with images), then an
 * image of that class uniformly, so tail classes are seen as often as head classes (with repeats).
 * An epoch has as many steps and batch sizes as {@link InstanceSampler} on the same images, so
 * schedules measured in epochs compare across samplers.
 */
public final class ClassBalancedSampler implements BatchSampler {
  private final int[][] byClass;
  private final int batchSize;
  private final int steps;
  private final int lastBatch;
  private final long seed;
  private Random rng;
  private int epoch;
  private int step;

  private ClassBalancedSampler(
      int[][] byClass, int size, int batchSize, PartialBatch partial, long seed) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }
    if (byClass.length == 0) {
      throw new IllegalArgumentException("cannot sample from an empty set of images");
    }
    if (partial == PartialBatch.DROP && size < batchSize) {
      throw new IllegalArgumentException(
          size
              + " images do not fill one batch of "
              + batchSize
              + ": dropping the partial batch would leave nothing");
    }
    this.byClass = byClass;
    this.batchSize = batchSize;
    this.seed = seed;
    if (partial == PartialBatch.DROP) {
      steps = size / batchSize;
      lastBatch = batchSize;
    } else {
      steps = (size + batchSize - 1) / batchSize;
      lastBatch = partial == PartialBatch.KEEP ? size - (steps - 1) * batchSize : batchSize;
    }
    startEpoch(0);
  }

  public static ClassBalancedSampler of(
      ImageSet images, int batchSize, PartialBatch partial, long seed) {
    int[] counts = images.classCounts();
    int nonEmpty = 0;
    for (int n : counts) {
      nonEmpty += n > 0 ? 1 : 0;
    }
    int[][] byClass = new int[nonEmpty][];
    int k = 0;
    for (int c = 0; c < counts.length; c++) {
      if (counts[c] > 0) {
        byClass[k++] = images.indicesOfClasses(java.util.List.of(c));
      }
    }
    return new ClassBalancedSampler(byClass, images.size(), batchSize, partial, seed);
  }

  @Override
  public int batchSize() {
    return batchSize;
  }

  @Override
  public int stepsPerEpoch() {
    return steps;
  }

  @Override
  public int epoch() {
    return step == steps ? epoch + 1 : epoch;
  }

  @Override
  public void startEpoch(int epoch) {
    if (epoch < 0) {
      throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
    }
    this.epoch = epoch;
    this.rng = BatchSampler.epochRandom(seed, epoch);
    this.step = 0;
  }

  @Override
  public int next(int[] out) {
    if (step == steps) {
      startEpoch(epoch + 1);
    }
    int n = step == steps - 1 ? lastBatch : batchSize;
    for (int i = 0; i < n; i++) {
      int[] images = byClass[rng.nextInt(byClass.length)];
      out[i] = images[rng.nextInt(images.length)];
    }
    step++;
    return n;
  }
}
