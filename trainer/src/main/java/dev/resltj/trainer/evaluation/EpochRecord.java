package dev.resltj.trainer.evaluation;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * One training epoch as the trainer measured it.
 *
 * @param epoch the epoch number as the trainer counts it (1 = first)
 * @param trainLoss mean training loss over the epoch; NaN if training diverged
 * @param trainAccuracy fraction of training images predicted correctly during the epoch
 * @param validationAccuracy top-1 on the validation set after the epoch (the only set a run looks
 *     at while training), or NaN when it was not measured ({@code null} in JSON)
 * @param learningRate learning rate at the end of the epoch
 * @param imagesPerSecond training throughput
 * @param seconds wall-clock time of the epoch
 */
public record EpochRecord(
    int epoch,
    @JsonSerialize(using = NanAsNull.Serializer.class)
        @JsonDeserialize(using = NanAsNull.Deserializer.class)
        double trainLoss,
    @JsonSerialize(using = NanAsNull.Serializer.class)
        @JsonDeserialize(using = NanAsNull.Deserializer.class)
        double trainAccuracy,
    @JsonSerialize(using = NanAsNull.Serializer.class)
        @JsonDeserialize(using = NanAsNull.Deserializer.class)
        double validationAccuracy,
    double learningRate,
    double imagesPerSecond,
    double seconds) {

  public EpochRecord {
    if (epoch < 0) {
      throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
    }
    if (trainLoss < 0) {
      throw new IllegalArgumentException("training loss must be >= 0 (or NaN), got " + trainLoss);
    }
    checkFractionOrNan("training accuracy", trainAccuracy);
    checkFractionOrNan("validation accuracy", validationAccuracy);
    if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException(
          "learning rate must be finite and >= 0, got " + learningRate);
    }
    if (!(imagesPerSecond >= 0) || Double.isInfinite(imagesPerSecond)) {
      throw new IllegalArgumentException(
          "images/s must be finite and >= 0, got " + imagesPerSecond);
    }
    if (!(seconds >= 0) || Double.isInfinite(seconds)) {
      throw new IllegalArgumentException("epoch seconds must be finite and >= 0, got " + seconds);
    }
  }

  private static void checkFractionOrNan(String name, double value) {
    if (!Double.isNaN(value)) {
      Fractions.check(name, value);
    }
  }

  /** Whether the validation set was scored after this epoch. */
  public boolean hasValidationAccuracy() {
    return !Double.isNaN(validationAccuracy);
  }
}
