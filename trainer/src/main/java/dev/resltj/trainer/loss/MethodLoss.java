package dev.resltj.trainer.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * One method's training objective. Implementations allocate only temporaries on the manager of the
 * arrays they are given, so a per-step sub-manager frees everything a step made.
 */
public interface MethodLoss {

  /**
   * The scalar loss of one step.
   *
   * @param outputs what the network returned: {@code [fused, hmt, mt, t]} for a ResLT head, {@code
   *     [logits]} for a single head, each {@code [N, classes]}
   * @param labels int64 {@code [N]}
   */
  NDArray compute(NDList outputs, NDArray labels);

  /**
   * How many leading rows of a step's {@code rows} images come from the training distribution, so
   * the training accuracy is not skewed by tail-only extra batches. All rows unless a method draws
   * extra batches.
   */
  default int distributionRows(int rows) {
    return rows;
  }
}
