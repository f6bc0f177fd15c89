package dev.resltj.trainer.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.resltj.trainer.data.ImageSet;
import dev.resltj.trainer.model.InputSpec;
import java.util.ArrayList;
import java.util.List;

/** Batched prediction of a trained block in inference mode (BatchNorm running statistics). */
public final class Inference {
  private static final int BATCH = 500;

  /** Host memory of one batch: 500 MNIST digits, about a hundred 224x224 photos. */
  private static final long BATCH_BYTES = 64L << 20;

  private Inference() {}

  /** Predicts every image of {@code images}. */
  public static PredictedClasses predict(
      Block block, NDManager manager, InputSpec input, ImageSet images) {
    ParameterStore parameterStore = new ParameterStore(manager, false);
    int n = images.size();
    long perImage = (long) Float.BYTES * input.channels() * input.height() * input.width();
    int batch =
        (int) Math.min(Math.min(BATCH, Math.max(1, BATCH_BYTES / perImage)), Math.max(1, n));
    HostBatch host = new HostBatch(batch, input.channels(), input.height(), input.width());
    int[] fused = new int[n];
    List<int[]> branches = new ArrayList<>();
    for (int start = 0; start < n; start += batch) {
      int count = Math.min(batch, n - start);
      images.copyRange(start, count, host.pixels);
      host.load(count);
      try (NDManager step = manager.newSubManager()) {
        NDList outputs = block.forward(parameterStore, new NDList(host.images(step, count)), false);
        if (branches.isEmpty() && outputs.size() == 4) {
          for (int b = 0; b < 3; b++) {
            branches.add(new int[n]);
          }
        }
        copyArgMax(outputs.get(0), fused, start);
        for (int b = 0; b < branches.size(); b++) {
          copyArgMax(outputs.get(b + 1), branches.get(b), start);
        }
      }
    }
    return new PredictedClasses(fused, branches);
  }

  private static void copyArgMax(NDArray logits, int[] into, int offset) {
    long[] classes = logits.argMax(1).toLongArray();
    for (int i = 0; i < classes.length; i++) {
      into[offset + i] = (int) classes[i];
    }
  }
}
