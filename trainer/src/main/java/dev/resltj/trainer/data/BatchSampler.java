package dev.resltj.trainer.data;

import java.util.Random;

/**
 * Chooses the images of each training step: one batch of indices into a {@link LabeledImages} per
 * call to {@link #next}. Seeded and deterministic: the batches of epoch {@code e} depend only on
 * the seed and {@code e}, so a run resumed at an epoch boundary ({@link #startEpoch}) draws what
 * the uninterrupted run would have drawn. Calling {@link #next} past the end of an epoch moves on
 * to the next epoch (except for the endless {@link PartialBatch#FILL} streams). A training loop
 * calls {@code startEpoch(e)} on each of its samplers at the start of epoch {@code e} and then
 * {@link #stepsPerEpoch()} times {@link #next} on the main one. Allocation-free after construction.
 */
public interface BatchSampler {
  /** The largest batch {@link #next} returns. */
  int batchSize();

  /** Steps (calls to {@link #next}) in one epoch. */
  int stepsPerEpoch();

  /** The epoch the next batch belongs to (0-based). */
  int epoch();

  /** Positions the sampler at the first batch of {@code epoch} (0-based). */
  void startEpoch(int epoch);

  /**
   * Writes the next batch's image indices into {@code out[0..n)} and returns {@code n}, which is at
   * most {@link #batchSize()} ({@code out} must hold that many).
   */
  int next(int[] out);

  /** The generator of one epoch: a fixed function of the sampler's seed and the epoch number. */
  static Random epochRandom(long seed, int epoch) {
    // SplitMix64's finaliser spreads neighbouring (seed, epoch) pairs over unrelated streams
    long z = seed + (epoch + 1L) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return new Random(z ^ (z >>> 31));
  }
}
