package dev.resltj.trainer.data;

import java.util.Collection;
import java.util.Random;

/**
 * Instance sampling: each epoch visits a fresh shuffle of a pool of images, batch by batch. The
 * pool is the whole training set ({@link #of}), or only the images of some classes ({@link
 * #ofClasses}: the medium+tail and tail batches of {@code reslt-branch-sampling}).
 *
 * <p>With {@link PartialBatch#FILL} the sampler is an endless stream of full batches within the
 * epoch last given to {@link #startEpoch} (it reshuffles whenever its pool runs out and never moves
 * to the next epoch on its own): the branch samplers then follow the main sampler's epochs, which
 * the loop sets on all of them at each epoch start.
 */
public final class InstanceSampler implements BatchSampler {
  private final int[] pool;
  private final int[] order;
  private final int batchSize;
  private final PartialBatch partial;
  private final long seed;
  private final int steps;
  private Random rng;
  private int epoch;
  private int step;
  private int pos;

  private InstanceSampler(int[] pool, int batchSize, PartialBatch partial, long seed) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }
    if (pool.length == 0) {
      throw new IllegalArgumentException("cannot sample from an empty set of images");
    }
    if (partial == PartialBatch.DROP && pool.length < batchSize) {
      throw new IllegalArgumentException(
          pool.length
              + " images do not fill one batch of "
              + batchSize
              + ": dropping the partial batch would leave nothing");
    }
    this.pool = pool;
    this.order = new int[pool.length];
    this.batchSize = batchSize;
    this.partial = partial;
    this.seed = seed;
    this.steps =
        partial == PartialBatch.DROP
            ? pool.length / batchSize
            : (pool.length + batchSize - 1) / batchSize;
    startEpoch(0);
  }

  /** Every image of {@code images}. */
  public static InstanceSampler of(
      ImageSet images, int batchSize, PartialBatch partial, long seed) {
    int[] all = new int[images.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    return new InstanceSampler(all, batchSize, partial, seed);
  }

  /**
   * Only the images of {@code classes}.
   *
   * @throws IllegalArgumentException when those classes hold no image
   */
  public static InstanceSampler ofClasses(
      ImageSet images,
      Collection<Integer> classes,
      int batchSize,
      PartialBatch partial,
      long seed) {
    int[] pool = images.indicesOfClasses(classes);
    if (pool.length == 0) {
      throw new IllegalArgumentException("classes " + classes + " hold no training images");
    }
    return new InstanceSampler(pool, batchSize, partial, seed);
  }

  /** The images at {@code indices} (copied). */
  public static InstanceSampler ofIndices(
      int[] indices, int batchSize, PartialBatch partial, long seed) {
    return new InstanceSampler(indices.clone(), batchSize, partial, seed);
  }

  /** Images in the pool. */
  public int poolSize() {
    return pool.length;
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
    return step >= steps && partial != PartialBatch.FILL ? epoch + 1 : epoch;
  }

  @Override
  public void startEpoch(int epoch) {
    if (epoch < 0) {
      throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
    }
    this.epoch = epoch;
    this.rng = BatchSampler.epochRandom(seed, epoch);
    System.arraycopy(pool, 0, order, 0, pool.length);
    shuffle();
    step = 0;
    pos = 0;
  }

  @Override
  public int next(int[] out) {
    if (step == steps && partial != PartialBatch.FILL) {
      startEpoch(epoch + 1);
    }
    int n = partial == PartialBatch.KEEP ? Math.min(batchSize, order.length - pos) : batchSize;
    for (int i = 0; i < n; i++) {
      if (pos == order.length) {
        shuffle();
        pos = 0;
      }
      out[i] = order[pos++];
    }
    step++;
    return n;
  }

  private void shuffle() {
    for (int i = order.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
  }
}
