package dev.resltj.trainer.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dev.resltj.trainer.data.ClassGroups;
import java.util.Optional;

/**
 * The ResLT objective as the paper defines it, on one instance-sampled batch:
 *
 * <pre>
 * L = (1 - alpha) * CE(fused, all samples) + alpha * L_branch
 * L_branch = [sum_i CE_hmt(i) + sum_{i in medium+tail} CE_mt(i) + sum_{i in tail} CE_t(i)]
 *            / (number of (branch, sample) pairs counted)
 * </pre>
 *
 * The m+t and t branches learn only from the samples of their groups (a 0/1 mask per branch, looked
 * up from the label), so each branch fits the residual of the classes the branch before it
 * under-serves, while the fused sum is trained on everything. With a logit-adjusted fusion term
 * ({@code reslt-la}) the first term becomes the logit-adjusted cross-entropy of the fused logits.
 */
public final class ResltLoss implements MethodLoss {
  private final float alpha;
  private final float[] mediumOrTail;
  private final float[] tail;
  private final Optional<LogitAdjustedLoss> fusion;

  /** The paper's loss. */
  public ResltLoss(double alpha, ClassGroups groups) {
    this(alpha, groups, null);
  }

  /** With a logit-adjusted fusion term ({@code reslt-la}). */
  public ResltLoss(double alpha, ClassGroups groups, LogitAdjustedLoss fusion) {
    this.alpha = (float) checkAlpha(alpha);
    int classes = groups.numClasses();
    this.mediumOrTail = new float[classes];
    this.tail = new float[classes];
    for (int c = 0; c < classes; c++) {
      mediumOrTail[c] = groups.isMediumOrTail(c) ? 1f : 0f;
      tail[c] = groups.isTail(c) ? 1f : 0f;
    }
    this.fusion = Optional.ofNullable(fusion);
  }

  static double checkAlpha(double alpha) {
    if (!(alpha >= 0 && alpha <= 1)) {
      throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
    }
    return alpha;
  }

  @Override
  public NDArray compute(NDList outputs, NDArray labels) {
    if (outputs.size() != 4) {
      throw new IllegalArgumentException(
          "ResLT needs [fused, hmt, mt, t] outputs, got " + outputs.size() + " array(s)");
    }
    var manager = labels.getManager();
    // tables and weights stay open: backward reads them after this method returns
    NDArray mtTable = EngineConstants.table(manager, mediumOrTail);
    NDArray tTable = EngineConstants.table(manager, tail);
    NDArray fusedWeight = EngineConstants.scalar(manager, 1f - alpha);
    NDArray branchWeight = EngineConstants.scalar(manager, alpha);
    NDArray batchRows = EngineConstants.scalar(manager, labels.size());
    try (NDArray fusedLoss =
            fusion.isPresent()
                ? fusion.get().mean(outputs.get(0), labels)
                : SoftmaxCrossEntropy.mean(outputs.get(0), labels);
        NDArray mtMask = mtTable.take(labels);
        NDArray tMask = tTable.take(labels);
        NDArray ceHmt = SoftmaxCrossEntropy.perSample(outputs.get(1), labels);
        NDArray ceMt = SoftmaxCrossEntropy.perSample(outputs.get(2), labels);
        NDArray ceT = SoftmaxCrossEntropy.perSample(outputs.get(3), labels);
        NDArray sumHmt = ceHmt.sum();
        NDArray maskedMt = ceMt.mul(mtMask);
        NDArray sumMt = maskedMt.sum();
        NDArray maskedT = ceT.mul(tMask);
        NDArray sumT = maskedT.sum();
        NDArray pairsMt = mtMask.sum();
        NDArray pairsT = tMask.sum();
        NDArray pairs = pairsMt.add(pairsT).addi(batchRows);
        NDArray branchSum = sumHmt.add(sumMt).addi(sumT);
        NDArray branchLoss = branchSum.div(pairs);
        NDArray weightedFused = fusedLoss.mul(fusedWeight);
        NDArray weightedBranch = branchLoss.mul(branchWeight)) {
      return weightedFused.add(weightedBranch);
    }
  }
}
