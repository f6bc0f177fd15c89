package dev.resltj.trainer.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * ResLT as the MNIST reference re-implementation trains it: each branch gets its own
 * instance-sampled batch of its group's images, and a step feeds the three batches through the
 * network as one {@code [3B, ...]} batch, rows {@code [0, B)} drawn from all images, {@code [B,
 * 2B)} from medium and tail images, {@code [2B, 3B)} from tail images:
 *
 * <pre>
 * L = (1 - alpha) * mean CE(fused, rows of all) + alpha * (mean CE_hmt(rows of all)
 *     + mean CE_mt(rows of medium+tail) + mean CE_t(rows of tail))
 * </pre>
 */
public final class BranchSamplingLoss implements MethodLoss {
  private final float alpha;

  public BranchSamplingLoss(double alpha) {
    this.alpha = (float) ResltLoss.checkAlpha(alpha);
  }

  @Override
  public NDArray compute(NDList outputs, NDArray labels) {
    if (outputs.size() != 4) {
      throw new IllegalArgumentException(
          "ResLT needs [fused, hmt, mt, t] outputs, got " + outputs.size() + " array(s)");
    }
    long rows = labels.size();
    if (rows % 3 != 0) {
      throw new IllegalArgumentException(
          "branch sampling needs three equal batches stacked, got " + rows + " rows");
    }
    long b = rows / 3;
    // the weights stay open: backward reads them after this method returns
    NDArray fusedWeight = EngineConstants.scalar(labels.getManager(), 1f - alpha);
    NDArray branchWeight = EngineConstants.scalar(labels.getManager(), alpha);
    try (NDArray labelsAll = labels.get("0:{}", b);
        NDArray labelsMt = labels.get("{}:{}", b, 2 * b);
        NDArray labelsT = labels.get("{}:", 2 * b);
        NDArray fused = outputs.get(0).get("0:{}", b);
        NDArray hmt = outputs.get(1).get("0:{}", b);
        NDArray mt = outputs.get(2).get("{}:{}", b, 2 * b);
        NDArray t = outputs.get(3).get("{}:", 2 * b);
        NDArray fusedLoss = SoftmaxCrossEntropy.mean(fused, labelsAll);
        NDArray ceHmt = SoftmaxCrossEntropy.mean(hmt, labelsAll);
        NDArray ceMt = SoftmaxCrossEntropy.mean(mt, labelsMt);
        NDArray ceT = SoftmaxCrossEntropy.mean(t, labelsT);
        NDArray branchLoss = ceHmt.add(ceMt).addi(ceT);
        NDArray weightedFused = fusedLoss.mul(fusedWeight);
        NDArray weightedBranch = branchLoss.mul(branchWeight)) {
      return weightedFused.add(weightedBranch);
    }
  }

  @Override
  public int distributionRows(int rows) {
    return rows / 3;
  }
}
