package dev.resltj.trainer.training;

import java.util.List;

/**
 * The learning-rate schedule in epochs, as the user gives it; {@link #perStep} turns it into the
 * per-step {@link LearningRateSchedule} once the steps per epoch are known.
 *
 * @param milestones epochs after which the rate is multiplied by {@code factor} ({@code steps}
 *     only)
 */
public record ScheduleSettings(
    LearningRateSchedule.Kind kind,
    double learningRate,
    int warmupEpochs,
    List<Integer> milestones,
    double factor) {

  public ScheduleSettings {
    if (kind == null) {
      throw new IllegalArgumentException("schedule kind is required");
    }
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
    }
    if (warmupEpochs < 0) {
      throw new IllegalArgumentException("warm-up epochs must be >= 0, got " + warmupEpochs);
    }
    if (!(factor > 0 && factor <= 1)) {
      throw new IllegalArgumentException("decay factor must be in (0, 1], got " + factor);
    }
    milestones = List.copyOf(milestones);
    for (int i = 0; i < milestones.size(); i++) {
      if (milestones.get(i) < 1 || (i > 0 && milestones.get(i) <= milestones.get(i - 1))) {
        throw new IllegalArgumentException(
            "milestones must be increasing epochs >= 1, got " + milestones);
      }
    }
  }

  /** The schedule over {@code epochs} epochs of {@code stepsPerEpoch} steps. */
  public LearningRateSchedule perStep(int epochs, int stepsPerEpoch) {
    return new LearningRateSchedule(
        kind,
        learningRate,
        warmupEpochs * stepsPerEpoch,
        epochs * stepsPerEpoch,
        milestones.stream().map(e -> e * stepsPerEpoch).toList(),
        factor);
  }
}
