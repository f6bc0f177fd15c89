package dev.resltj.trainer.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import dev.resltj.trainer.data.LabeledImages;
import dev.resltj.trainer.model.InputSpec;
import java.util.List;
import java.util.SplittableRandom;

/** Tiny networks and data for loop tests: 1x4x4 images whose class is the bright quadrant. */
final class StandIns {
  static final InputSpec INPUT = InputSpec.grayscale(4, 4, 255f, 0f, 1f);
  static final int CLASSES = 4;

  private StandIns() {}

  static Block linear() {
    return new SequentialBlock()
        .add(Blocks.batchFlattenBlock())
        .add(x -> new NDList(x.singletonOrThrow().div(255f)))
        .add(Linear.builder().setUnits(CLASSES).build());
  }

  /** Three linear branches, outputs [sum, hmt, mt, t] like a ResLT head. */
  static Block threeBranches() {
    return new ParallelBlock(
        outs -> {
          NDArray a = outs.get(0).singletonOrThrow();
          NDArray b = outs.get(1).singletonOrThrow();
          NDArray c = outs.get(2).singletonOrThrow();
          return new NDList(a.add(b).add(c), a, b, c);
        },
        List.of(linear(), linear(), linear()));
  }

  /** {@code n} images; image i has class i mod 4 with its quadrant at 200 plus noise. */
  static LabeledImages quadrants(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    byte[] pixels = new byte[n * 16];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      int label = i % CLASSES;
      labels[i] = label;
      for (int y = 0; y < 4; y++) {
        for (int x = 0; x < 4; x++) {
          int quadrant = (y / 2) * 2 + x / 2;
          int value = (quadrant == label ? 150 : 0) + random.nextInt(60);
          pixels[i * 16 + y * 4 + x] = (byte) value;
        }
      }
    }
    return LabeledImages.of(pixels, labels, 1, 4, 4, CLASSES);
  }

  /** Instance sampling, reseeded per epoch from (seed, epoch). */
  static BatchSource sampler(LabeledImages images, int batch, long seed) {
    return new BatchSource() {
      private SplittableRandom random;

      @Override
      public int imagesPerStep() {
        return batch;
      }

      @Override
      public int imageSize() {
        return images.imageSize();
      }

      @Override
      public void startEpoch(int epoch) {
        random = new SplittableRandom(seed * 31 + epoch);
      }

      @Override
      public void next(float[] pixels, int[] labels) {
        for (int i = 0; i < batch; i++) {
          int index = random.nextInt(images.size());
          images.copyImage(index, pixels, i * images.imageSize());
          labels[i] = images.label(index);
        }
      }
    };
  }
}
