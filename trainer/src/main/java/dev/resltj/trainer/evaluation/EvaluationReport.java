package dev.resltj.trainer.evaluation;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.resltj.runtime.ClassGroup;
import dev.resltj.trainer.data.ClassGroups;
import dev.resltj.trainer.storage.JsonFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a model scores on a test set; saved as {@code report.json}. Every metric is a fraction in
 * [0, 1].
 *
 * @param dataset name of the test set, e.g. {@code mnist-test}
 * @param images number of test images
 * @param top1 overall accuracy of the model's (fused) prediction
 * @param balanced mean per-class recall over the classes that have test images
 * @param head accuracy over the test images whose true class is a head class; {@code null} when the
 *     split has no head class
 * @param medium the same for medium classes
 * @param tail the same for tail classes
 * @param branches top-1 accuracy of each ResLT branch on its own (keys {@code hmt}, {@code mt},
 *     {@code t}); empty for a single-head model
 * @param branchGroups head/medium/tail accuracy of each branch, same keys as {@code branches}
 * @param classLabels display name of each class, by class index
 * @param classRecall recall of each class (its diagonal of the row-normalised confusion matrix);
 *     {@code null} for a class with no test images
 * @param classSupport test images of each class
 * @param confusion counts and row-normalised fractions, rows = true class, columns = predicted
 * @param groups the training split's class counts and the head/medium/tail thresholds
 */
@JsonPropertyOrder({
  "dataset",
  "images",
  "top1",
  "balanced",
  "head",
  "medium",
  "tail",
  "branches",
  "branchGroups",
  "classLabels",
  "classRecall",
  "classSupport",
  "confusion",
  "groups"
})
public record EvaluationReport(
    String dataset,
    int images,
    double top1,
    double balanced,
    Double head,
    Double medium,
    Double tail,
    Map<String, Double> branches,
    Map<String, GroupAccuracy> branchGroups,
    List<String> classLabels,
    List<Double> classRecall,
    List<Integer> classSupport,
    ConfusionMatrix confusion,
    ClassGroups groups) {

  private static final Set<String> BRANCH_IDS = Set.of("hmt", "mt", "t");

  public EvaluationReport {
    if (dataset == null || dataset.isBlank()) {
      throw new IllegalArgumentException("dataset name is required");
    }
    if (images < 1) {
      throw new IllegalArgumentException("a report needs at least one test image, got " + images);
    }
    Fractions.check("top-1 accuracy", top1);
    Fractions.check("balanced accuracy", balanced);
    Fractions.checkOptional("head accuracy", head);
    Fractions.checkOptional("medium accuracy", medium);
    Fractions.checkOptional("tail accuracy", tail);
    if (groups == null || confusion == null || classLabels == null) {
      throw new IllegalArgumentException("groups, confusion matrix and class labels are required");
    }
    int n = groups.numClasses();
    checkSize("class labels", classLabels, n);
    checkSize("class recall", classRecall, n);
    checkSize("class support", classSupport, n);
    if (confusion.size() != n) {
      throw new IllegalArgumentException(
          "confusion matrix is " + confusion.size() + "x" + confusion.size() + ", expected " + n);
    }
    long supportTotal = 0;
    for (int c = 0; c < n; c++) {
      Integer support = classSupport.get(c);
      if (support == null || support != confusion.rowTotal(c)) {
        throw new IllegalArgumentException(
            "support of class "
                + c
                + " ("
                + support
                + ") differs from its confusion-matrix row ("
                + confusion.rowTotal(c)
                + ")");
      }
      supportTotal += support;
      Double recall = classRecall.get(c);
      if ((recall == null) != (support == 0)) {
        throw new IllegalArgumentException(
            "recall of class " + c + " must be given exactly when it has test images");
      }
      Fractions.checkOptional("recall of class " + c, recall);
    }
    if (supportTotal != images) {
      throw new IllegalArgumentException(
          "class supports add up to "
              + supportTotal
              + " but the report counts "
              + images
              + " images");
    }
    branches = orderedBranches("branch accuracy", branches);
    branchGroups = orderedBranches("branch group accuracy", branchGroups);
    if (!branches.keySet().equals(branchGroups.keySet())) {
      throw new IllegalArgumentException(
          "branch accuracies "
              + branches.keySet()
              + " and branch group accuracies "
              + branchGroups.keySet()
              + " must name the same branches");
    }
    branches.forEach((id, accuracy) -> Fractions.check(id + " branch accuracy", accuracy));
    classLabels = List.copyOf(classLabels);
    // List.copyOf refuses nulls, and a class without test images has no recall
    classRecall = Collections.unmodifiableList(new ArrayList<>(classRecall));
    classSupport = List.copyOf(classSupport);
  }

  private static void checkSize(String name, List<?> values, int expected) {
    if (values == null || values.size() != expected) {
      throw new IllegalArgumentException(
          name
              + " must have one entry per class ("
              + expected
              + "), got "
              + (values == null ? "none" : values.size()));
    }
  }

  /** Copies a per-branch map in h+m+t, m+t, t order; all three branches or none. */
  private static <V> Map<String, V> orderedBranches(String name, Map<String, V> values) {
    if (values == null || values.isEmpty()) {
      return Map.of();
    }
    if (!values.keySet().equals(BRANCH_IDS)) {
      throw new IllegalArgumentException(
          name + " must cover the branches hmt, mt and t, got " + values.keySet());
    }
    Map<String, V> ordered = new LinkedHashMap<>();
    for (Branch b : Branch.values()) {
      V v = values.get(b.id());
      if (v == null) {
        throw new IllegalArgumentException(name + " of branch " + b.id() + " is missing");
      }
      ordered.put(b.id(), v);
    }
    return Collections.unmodifiableMap(ordered);
  }

  /** Reads a {@code report.json}; a missing or malformed file is an error naming it. */
  public static EvaluationReport read(Path file) throws IOException {
    return JsonFiles.read(file, EvaluationReport.class);
  }

  public int numClasses() {
    return classLabels.size();
  }

  /** Accuracy over one group's test images, or {@code null} when the group has no classes. */
  public Double groupAccuracy(ClassGroup group) {
    return switch (group) {
      case HEAD -> head;
      case MEDIUM -> medium;
      case TAIL -> tail;
    };
  }

  /** Whether per-branch accuracies are present (a ResLT model). */
  public boolean hasBranches() {
    return !branches.isEmpty();
  }
}
