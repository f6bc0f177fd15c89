package dev.resltj.trainer.training;

import dev.resltj.trainer.data.GroupThresholds;
import dev.resltj.trainer.evaluation.EpochRecord;
import dev.resltj.trainer.evaluation.TrainingHistory;
import java.util.List;

/**
 * {@code state.json} inside each checkpoint: how far the run got and what a resumed run or a later
 * {@code evaluate} needs besides the weights. The samplers and augmentation draw each epoch from
 * (seed, epoch) alone, so the epoch number is all the random state a resume needs.
 */
public record TrainingState(
    int format,
    int epochsCompleted,
    long seed,
    List<EpochRecord> history,
    List<Integer> classCounts,
    GroupThresholds thresholds,
    List<String> labels) {

  static final int FORMAT = 1;

  /** The file's name inside the checkpoint folder. */
  public static final String FILE = "state.json";

  public TrainingState {
    if (format != FORMAT) {
      throw new IllegalArgumentException(
          "state.json format " + format + " is not supported (expected " + FORMAT + ")");
    }
    if (epochsCompleted < 1) {
      throw new IllegalArgumentException("epochsCompleted must be >= 1, got " + epochsCompleted);
    }
    history = List.copyOf(history);
    classCounts = List.copyOf(classCounts);
    labels = List.copyOf(labels);
    if (thresholds == null) {
      throw new IllegalArgumentException("thresholds are required");
    }
  }

  public TrainingHistory trainingHistory() {
    return new TrainingHistory(history);
  }
}
