package dev.resltj.trainer.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * True labels and predicted class indices for every test image: the fused prediction and, for a
 * ResLT model, each branch's own prediction (argmax of its logits). Owns copies of the arrays, so
 * the caller may reuse its buffers.
 */
public final class PredictionSet {
  private final int[] labels;
  private final int[] fused;
  private final List<int[]> branches;

  private PredictionSet(int[] labels, int[] fused, List<int[]> branches) {
    this.labels = labels;
    this.fused = fused;
    this.branches = branches;
  }

  /**
   * Copies and checks the arrays.
   *
   * @param labels true class of each image
   * @param fusedPredictions predicted class of each image (the model's output; fused logits for
   *     ResLT)
   * @param branchPredictions empty for a single-head model, or exactly three arrays in {@link
   *     Branch} order (h+m+t, m+t, t)
   * @throws IllegalArgumentException when lengths differ, a class index is negative, or the number
   *     of branch arrays is neither 0 nor 3
   */
  public static PredictionSet of(
      int[] labels, int[] fusedPredictions, List<int[]> branchPredictions) {
    if (labels == null || fusedPredictions == null || branchPredictions == null) {
      throw new IllegalArgumentException(
          "labels, fused predictions and branch predictions are required (use an empty list for a"
              + " single-head model)");
    }
    if (labels.length == 0) {
      throw new IllegalArgumentException("no test images: labels are empty");
    }
    if (!branchPredictions.isEmpty() && branchPredictions.size() != Branch.values().length) {
      throw new IllegalArgumentException(
          "expected 0 or "
              + Branch.values().length
              + " branch prediction arrays (h+m+t, m+t, t), got "
              + branchPredictions.size());
    }
    checkClasses("labels", labels, labels.length);
    checkClasses("fused predictions", fusedPredictions, labels.length);
    List<int[]> branches = new ArrayList<>(branchPredictions.size());
    for (int b = 0; b < branchPredictions.size(); b++) {
      int[] predictions = branchPredictions.get(b);
      String name = Branch.values()[b].id() + " branch predictions";
      if (predictions == null) {
        throw new IllegalArgumentException(name + " are missing");
      }
      checkClasses(name, predictions, labels.length);
      branches.add(predictions.clone());
    }
    return new PredictionSet(labels.clone(), fusedPredictions.clone(), List.copyOf(branches));
  }

  private static void checkClasses(String name, int[] values, int expectedLength) {
    if (values.length != expectedLength) {
      throw new IllegalArgumentException(
          name + " have " + values.length + " entries but there are " + expectedLength + " labels");
    }
    for (int i = 0; i < values.length; i++) {
      if (values[i] < 0) {
        throw new IllegalArgumentException(
            name + " hold a negative class index " + values[i] + " at image " + i);
      }
    }
  }

  /** Number of test images. */
  public int size() {
    return labels.length;
  }

  /** Whether branch predictions are present (a ResLT model). */
  public boolean hasBranches() {
    return !branches.isEmpty();
  }

  public int label(int image) {
    return labels[image];
  }

  public int fused(int image) {
    return fused[image];
  }

  /** The prediction of {@code branch} for one image; only when {@link #hasBranches()}. */
  public int branch(Branch branch, int image) {
    if (branches.isEmpty()) {
      throw new IllegalStateException("this prediction set has no branch predictions");
    }
    return branches.get(branch.ordinal())[image];
  }

  /** The largest class index among labels and all predictions. */
  public int maxClassIndex() {
    int max = max(labels, max(fused, 0));
    for (int[] b : branches) {
      max = max(b, max);
    }
    return max;
  }

  private static int max(int[] values, int start) {
    int max = start;
    for (int v : values) {
      max = Math.max(max, v);
    }
    return max;
  }

  int[] labelsView() {
    return labels;
  }

  int[] fusedView() {
    return fused;
  }

  int[] branchView(Branch branch) {
    return branches.get(branch.ordinal());
  }

  @Override
  public String toString() {
    return "PredictionSet[" + labels.length + " images, branches=" + hasBranches() + "]";
  }
}
