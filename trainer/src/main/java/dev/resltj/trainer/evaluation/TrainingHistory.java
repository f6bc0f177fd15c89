package dev.resltj.trainer.evaluation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;

/** The epochs of one run, in order; empty when a model is evaluated without its training record. */
public record TrainingHistory(List<EpochRecord> epochs) {
  public TrainingHistory {
    if (epochs == null) {
      throw new IllegalArgumentException("epochs are required (use TrainingHistory.empty())");
    }
    epochs = List.copyOf(epochs);
    for (int i = 1; i < epochs.size(); i++) {
      if (epochs.get(i).epoch() <= epochs.get(i - 1).epoch()) {
        throw new IllegalArgumentException(
            "epochs must increase: epoch "
                + epochs.get(i).epoch()
                + " follows epoch "
                + epochs.get(i - 1).epoch());
      }
    }
  }

  public static TrainingHistory empty() {
    return new TrainingHistory(List.of());
  }

  /** This history with one more epoch at the end. */
  public TrainingHistory plus(EpochRecord epoch) {
    List<EpochRecord> more = new ArrayList<>(epochs);
    more.add(epoch);
    return new TrainingHistory(more);
  }

  @JsonIgnore
  public boolean isEmpty() {
    return epochs.isEmpty();
  }
}
