package dev.resltj.trainer.data;

import java.util.Random;

/**
 * Turns a batch of indices into the network's input: raw pixel values 0..255 as floats in {@code
 * [B, C, H, W]} order (normalisation is part of the network) and the labels. The two buffers are
 * allocated once for the largest batch and reused by every call, so a training step allocates
 * nothing here:
 *
 * <pre>{@code
 * int n = assembler.fill(batch, count, rng);
 * NDArray x = manager.create(FloatBuffer.wrap(assembler.pixels(), 0, n * assembler.imageSize()),
 *     new Shape(n, c, h, w));
 * NDArray y = manager.create(IntBuffer.wrap(assembler.labels(), 0, n), new Shape(n));
 * }</pre>
 *
 * Not thread-safe: one assembler per thread.
 */
public final class BatchAssembler {
  private final LabeledImages images;
  private final byte[] source;
  private final int imageSize;
  private final int maxBatch;
  private final float[] pixels;
  private final int[] labels;
  private final Augmenter augmenter;

  public BatchAssembler(LabeledImages images, int maxBatch, Augmentation augmentation) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + maxBatch);
    }
    this.images = images;
    this.source = images.pixelBytes();
    this.imageSize = images.imageSize();
    this.maxBatch = maxBatch;
    this.pixels = new float[maxBatch * imageSize];
    this.labels = new int[maxBatch];
    this.augmenter =
        augmentation.isNone()
            ? null
            : new Augmenter(augmentation, images.channels(), images.height(), images.width());
  }

  /**
   * Fills the buffers with the images at {@code indices[0..count)}, each augmented with {@code
   * rng}.
   *
   * @return {@code count}
   */
  public int fill(int[] indices, int count, Random rng) {
    checkCount(count);
    for (int i = 0; i < count; i++) {
      put(i, indices[i]);
      if (augmenter != null) {
        augmenter.apply(pixels, i * imageSize, rng);
      }
    }
    return count;
  }

  /**
   * Fills the buffers with images {@code start .. start+count-1}, never augmented: for evaluation.
   *
   * @return {@code count}
   */
  public int fillRange(int start, int count) {
    checkCount(count);
    if (start < 0 || start + count > images.size()) {
      throw new IndexOutOfBoundsException(
          "images " + start + ".." + (start + count - 1) + " outside 0.." + (images.size() - 1));
    }
    for (int i = 0; i < count; i++) {
      put(i, start + i);
    }
    return count;
  }

  private void put(int slot, int index) {
    labels[slot] = images.label(index);
    int src = index * imageSize;
    int dst = slot * imageSize;
    for (int p = 0; p < imageSize; p++) {
      pixels[dst + p] = source[src + p] & 0xFF;
    }
  }

  private void checkCount(int count) {
    if (count < 0 || count > maxBatch) {
      throw new IllegalArgumentException("batch of " + count + " outside 0.." + maxBatch);
    }
  }

  /** The pixel buffer; the first {@code n * imageSize()} values are the last batch filled. */
  public float[] pixels() {
    return pixels;
  }

  /** The label buffer; the first {@code n} values are the last batch filled. */
  public int[] labels() {
    return labels;
  }

  public int maxBatch() {
    return maxBatch;
  }

  /** Values per image, {@code C * H * W}. */
  public int imageSize() {
    return imageSize;
  }

  /** The input shape {@code [n, C, H, W]} of a batch of {@code n}. */
  public long[] shape(int n) {
    return new long[] {n, images.channels(), images.height(), images.width()};
  }

  public LabeledImages images() {
    return images;
  }
}
