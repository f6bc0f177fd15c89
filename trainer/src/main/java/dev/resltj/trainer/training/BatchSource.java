package dev.resltj.trainer.training;

/**
 * Where a step's images come from: a sampler plus augmentation, writing raw pixel values (0..255)
 * and labels into the loop's reused host arrays, so a step allocates nothing on the Java heap.
 */
public interface BatchSource {

  /** Images per step (for branch sampling, the three stacked batches). */
  int imagesPerStep();

  /** Values per image, {@code channels * height * width}. */
  int imageSize();

  /**
   * Re-seeds the sampler for {@code epoch} (1-based), so a resumed run draws what it would have.
   */
  void startEpoch(int epoch);

  /**
   * Fills {@code pixels[0 .. imagesPerStep * imageSize)} and {@code labels[0 .. imagesPerStep)}.
   */
  void next(float[] pixels, int[] labels);
}
