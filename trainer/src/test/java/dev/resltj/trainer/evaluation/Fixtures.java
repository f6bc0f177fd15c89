package dev.resltj.trainer.evaluation;

import dev.resltj.trainer.data.ClassGroups;
import dev.resltj.trainer.data.GroupThresholds;
import java.util.List;

/**
 * A tiny worked example: 3 classes (head, medium, tail under thresholds 10/100), 7 test images.
 *
 * <pre>
 * labels  0 0 0 1 1 2 2
 * fused   0 0 1 1 0 2 0   -> class recall 2/3, 1/2, 1/2; top-1 4/7; balanced 5/9
 * hmt     0 0 0 1 1 0 0   -> 5/7 (head 1, medium 1, tail 0)
 * mt      1 1 1 1 1 2 2   -> 4/7 (head 0, medium 1, tail 1)
 * t       2 2 2 2 2 2 2   -> 2/7 (head 0, medium 0, tail 1)
 * </pre>
 */
final class Fixtures {
  static final GroupThresholds THRESHOLDS = new GroupThresholds(10, 100);
  static final ClassGroups GROUPS = ClassGroups.fromCounts(new int[] {1000, 50, 5}, THRESHOLDS);
  static final List<String> LABELS = List.of("cat", "dog", "owl");
  static final int[] TRUE = {0, 0, 0, 1, 1, 2, 2};
  static final int[] FUSED = {0, 0, 1, 1, 0, 2, 0};
  static final int[] HMT = {0, 0, 0, 1, 1, 0, 0};
  static final int[] MT = {1, 1, 1, 1, 1, 2, 2};
  static final int[] T = {2, 2, 2, 2, 2, 2, 2};

  private Fixtures() {}

  static PredictionSet resltPredictions() {
    return PredictionSet.of(TRUE, FUSED, List.of(HMT, MT, T));
  }

  static EvaluationReport resltReport() {
    return Evaluator.evaluate(resltPredictions(), GROUPS, LABELS, "tiny-test");
  }

  static TrainingHistory history() {
    return new TrainingHistory(
        List.of(
            new EpochRecord(1, 1.2, 0.55, 0.60, 1e-3, 2500, 4.0),
            new EpochRecord(2, 0.7, 0.75, Double.NaN, 8e-4, 2600, 3.9),
            new EpochRecord(3, 0.4, 0.85, 0.80, 5e-4, 2550, 3.8)));
  }
}
