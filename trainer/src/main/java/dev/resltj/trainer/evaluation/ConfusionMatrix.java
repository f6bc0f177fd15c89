package dev.resltj.trainer.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * Confusion matrix of a classifier on a test set: rows are true classes, columns predicted classes.
 * {@code rowNormalized} divides each row by its total, so cell (t, p) is the fraction of class t's
 * test images predicted as p and the diagonal is the per-class recall; a class with no test images
 * keeps an all-zero row rather than a row of NaN.
 */
public record ConfusionMatrix(List<List<Integer>> counts, List<List<Double>> rowNormalized) {
  private static final double ROW_SUM_TOLERANCE = 1e-9;

  public ConfusionMatrix {
    if (counts == null || counts.isEmpty()) {
      throw new IllegalArgumentException("confusion counts are required");
    }
    int n = counts.size();
    if (rowNormalized == null || rowNormalized.size() != n) {
      throw new IllegalArgumentException(
          "row-normalized matrix must have "
              + n
              + " rows like the counts, got "
              + (rowNormalized == null ? "none" : rowNormalized.size()));
    }
    List<List<Integer>> countsCopy = new ArrayList<>(n);
    List<List<Double>> normalizedCopy = new ArrayList<>(n);
    for (int t = 0; t < n; t++) {
      List<Integer> row = counts.get(t);
      List<Double> fractions = rowNormalized.get(t);
      if (row == null || row.size() != n || fractions == null || fractions.size() != n) {
        throw new IllegalArgumentException(
            "confusion matrix row " + t + " must have " + n + " cells");
      }
      long total = 0;
      for (Integer c : row) {
        if (c == null || c < 0) {
          throw new IllegalArgumentException("confusion count in row " + t + " is invalid: " + c);
        }
        total += c;
      }
      double sum = 0;
      for (Double f : fractions) {
        if (f == null || !(f >= 0 && f <= 1)) {
          throw new IllegalArgumentException(
              "row-normalized value in row " + t + " is invalid: " + f);
        }
        sum += f;
      }
      double expected = total == 0 ? 0 : 1;
      if (Math.abs(sum - expected) > ROW_SUM_TOLERANCE * n) {
        throw new IllegalArgumentException(
            "row-normalized row " + t + " sums to " + sum + ", expected " + expected);
      }
      countsCopy.add(List.copyOf(row));
      normalizedCopy.add(List.copyOf(fractions));
    }
    counts = List.copyOf(countsCopy);
    rowNormalized = List.copyOf(normalizedCopy);
  }

  /** Builds the matrix, and its row-normalised form, from {@code counts[true][predicted]}. */
  public static ConfusionMatrix fromCounts(int[][] counts) {
    List<List<Integer>> rows = new ArrayList<>(counts.length);
    List<List<Double>> fractions = new ArrayList<>(counts.length);
    for (int[] row : counts) {
      long total = 0;
      for (int c : row) {
        total += c;
      }
      List<Integer> r = new ArrayList<>(row.length);
      List<Double> f = new ArrayList<>(row.length);
      for (int c : row) {
        r.add(c);
        f.add(total == 0 ? 0.0 : (double) c / total);
      }
      rows.add(r);
      fractions.add(f);
    }
    return new ConfusionMatrix(rows, fractions);
  }

  /** Number of classes. */
  public int size() {
    return counts.size();
  }

  /** Test images of class {@code trueClass} predicted as {@code predictedClass}. */
  public int count(int trueClass, int predictedClass) {
    return counts.get(trueClass).get(predictedClass);
  }

  /** Fraction of class {@code trueClass}'s test images predicted as {@code predictedClass}. */
  public double fraction(int trueClass, int predictedClass) {
    return rowNormalized.get(trueClass).get(predictedClass);
  }

  /** Test images whose true class is {@code trueClass}. */
  public int rowTotal(int trueClass) {
    int total = 0;
    for (int c : counts.get(trueClass)) {
      total += c;
    }
    return total;
  }
}
