package dev.resltj.trainer.evaluation;

import dev.resltj.runtime.ClassGroup;
import dev.resltj.trainer.data.ClassGroups;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores predictions for a long-tailed problem. Top-1 alone hides the tail on a balanced test set
 * only when the tail is small; balanced accuracy and the per-group accuracies show what the long
 * tail costs.
 */
public final class Evaluator {
  private Evaluator() {}

  /**
   * Computes every metric of the report.
   *
   * @param predictions labels and predictions for each test image
   * @param groups the training split's class counts and groups (they decide head/medium/tail)
   * @param classLabels display name of each class, by class index
   * @param datasetName name of the test set, shown in the report
   * @throws IllegalArgumentException when the number of classes differs between {@code groups} and
   *     {@code classLabels}, or a label or prediction is not a valid class index
   */
  public static EvaluationReport evaluate(
      PredictionSet predictions, ClassGroups groups, List<String> classLabels, String datasetName) {
    if (predictions == null || groups == null || classLabels == null) {
      throw new IllegalArgumentException("predictions, groups and class labels are required");
    }
    int numClasses = groups.numClasses();
    if (classLabels.size() != numClasses) {
      throw new IllegalArgumentException(
          classLabels.size()
              + " class labels given but the class groups cover "
              + numClasses
              + " classes");
    }
    if (predictions.maxClassIndex() >= numClasses) {
      throw new IllegalArgumentException(
          "class index "
              + predictions.maxClassIndex()
              + " in the labels or predictions is outside 0.."
              + (numClasses - 1)
              + " ("
              + numClasses
              + " classes)");
    }
    int[] labels = predictions.labelsView();
    Tally fused = Tally.of(labels, predictions.fusedView(), numClasses);
    Map<String, Double> branches = new LinkedHashMap<>();
    Map<String, GroupAccuracy> branchGroups = new LinkedHashMap<>();
    if (predictions.hasBranches()) {
      for (Branch b : Branch.values()) {
        Tally t = Tally.of(labels, predictions.branchView(b), numClasses);
        branches.put(b.id(), t.top1());
        branchGroups.put(b.id(), t.groupAccuracy(groups));
      }
    }
    GroupAccuracy byGroup = fused.groupAccuracy(groups);
    return new EvaluationReport(
        datasetName,
        labels.length,
        fused.top1(),
        fused.balanced(),
        byGroup.head(),
        byGroup.medium(),
        byGroup.tail(),
        branches,
        branchGroups,
        classLabels,
        fused.recalls(),
        fused.supports(),
        ConfusionMatrix.fromCounts(fused.counts),
        groups);
  }

  /** Confusion counts of one set of predictions and the metrics derived from them. */
  private static final class Tally {
    private final int[][] counts;
    private final int[] support;
    private final int[] correct;
    private final int total;

    private Tally(int[][] counts, int total) {
      this.counts = counts;
      this.total = total;
      this.support = new int[counts.length];
      this.correct = new int[counts.length];
      for (int t = 0; t < counts.length; t++) {
        for (int p = 0; p < counts.length; p++) {
          support[t] += counts[t][p];
        }
        correct[t] = counts[t][t];
      }
    }

    static Tally of(int[] labels, int[] predicted, int numClasses) {
      int[][] counts = new int[numClasses][numClasses];
      for (int i = 0; i < labels.length; i++) {
        counts[labels[i]][predicted[i]]++;
      }
      return new Tally(counts, labels.length);
    }

    double top1() {
      long hits = 0;
      for (int c : correct) {
        hits += c;
      }
      return (double) hits / total;
    }

    /**
     * Mean recall over classes with test images: a class absent from the test set has no recall.
     */
    double balanced() {
      double sum = 0;
      int present = 0;
      for (int c = 0; c < support.length; c++) {
        if (support[c] > 0) {
          sum += (double) correct[c] / support[c];
          present++;
        }
      }
      return sum / present;
    }

    List<Double> recalls() {
      List<Double> out = new ArrayList<>(support.length);
      for (int c = 0; c < support.length; c++) {
        out.add(support[c] == 0 ? null : (double) correct[c] / support[c]);
      }
      return out;
    }

    List<Integer> supports() {
      List<Integer> out = new ArrayList<>(support.length);
      for (int s : support) {
        out.add(s);
      }
      return out;
    }

    GroupAccuracy groupAccuracy(ClassGroups groups) {
      return new GroupAccuracy(
          accuracyOver(groups.classesIn(ClassGroup.HEAD)),
          accuracyOver(groups.classesIn(ClassGroup.MEDIUM)),
          accuracyOver(groups.classesIn(ClassGroup.TAIL)));
    }

    private Double accuracyOver(List<Integer> classes) {
      long images = 0;
      long hits = 0;
      for (int c : classes) {
        images += support[c];
        hits += correct[c];
      }
      return images == 0 ? null : (double) hits / images;
    }
  }
}
