package dev.resltj.trainer.training;

import java.util.ArrayList;
import java.util.List;

/**
 * Predicted classes for a set of images: the fused (or single-head) prediction and, for a ResLT
 * network, each branch's own argmax in the order h+m+t, m+t, t. Owns its arrays.
 */
public final class PredictedClasses {
  private final int[] fused;
  private final List<int[]> branches;

  PredictedClasses(int[] fused, List<int[]> branches) {
    this.fused = fused;
    this.branches = branches;
  }

  public int size() {
    return fused.length;
  }

  public int[] fused() {
    return fused.clone();
  }

  /** Empty for a single-head network, else {@code [hmt, mt, t]}. */
  public List<int[]> branches() {
    List<int[]> copy = new ArrayList<>(branches.size());
    for (int[] b : branches) {
      copy.add(b.clone());
    }
    return copy;
  }

  /** Fraction of {@code labels} the fused prediction gets right. */
  public double accuracy(int[] labels) {
    if (labels.length != fused.length) {
      throw new IllegalArgumentException(
          labels.length + " labels for " + fused.length + " predictions");
    }
    int right = 0;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] == fused[i]) {
        right++;
      }
    }
    return labels.length == 0 ? 0 : (double) right / labels.length;
  }
}
