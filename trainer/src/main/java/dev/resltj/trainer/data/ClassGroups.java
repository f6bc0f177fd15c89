package dev.resltj.trainer.data;

import dev.resltj.runtime.ClassGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * Head, medium and tail classes of a training set, derived from its per-class counts. The loss
 * masks, the report and the exported model metadata all read the groups from this one value.
 */
public record ClassGroups(GroupThresholds thresholds, List<Integer> classCounts) {

  public ClassGroups {
    if (thresholds == null) {
      throw new IllegalArgumentException("thresholds are required");
    }
    if (classCounts == null || classCounts.size() < 2) {
      throw new IllegalArgumentException("need counts for at least 2 classes, got " + classCounts);
    }
    for (int c = 0; c < classCounts.size(); c++) {
      Integer n = classCounts.get(c);
      if (n == null || n < 0) {
        throw new IllegalArgumentException("class " + c + " has an invalid count: " + n);
      }
    }
    classCounts = List.copyOf(classCounts);
  }

  public static ClassGroups fromCounts(int[] counts, GroupThresholds thresholds) {
    List<Integer> list = new ArrayList<>(counts.length);
    for (int n : counts) {
      list.add(n);
    }
    return new ClassGroups(thresholds, list);
  }

  public int numClasses() {
    return classCounts.size();
  }

  public ClassGroup groupOf(int classIndex) {
    int n = classCounts.get(classIndex);
    if (n <= thresholds.tailMax()) {
      return ClassGroup.TAIL;
    }
    return n <= thresholds.mediumMax() ? ClassGroup.MEDIUM : ClassGroup.HEAD;
  }

  /** Class indices of one group, ascending. */
  public List<Integer> classesIn(ClassGroup group) {
    List<Integer> out = new ArrayList<>();
    for (int c = 0; c < numClasses(); c++) {
      if (groupOf(c) == group) {
        out.add(c);
      }
    }
    return List.copyOf(out);
  }

  /** Whether the m+t branch learns from samples of this class. */
  public boolean isMediumOrTail(int classIndex) {
    return groupOf(classIndex) != ClassGroup.HEAD;
  }

  /** Whether the t branch learns from samples of this class. */
  public boolean isTail(int classIndex) {
    return groupOf(classIndex) == ClassGroup.TAIL;
  }
}
