package dev.resltj.trainer.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resltj.trainer.evaluation.EpochRecord;
import dev.resltj.trainer.evaluation.TrainingHistory;
import java.util.List;
import org.junit.jupiter.api.Test;

class EpochSelectionTest {
  private static EpochRecord epoch(int n, double validation) {
    return new EpochRecord(n, 0.1, 0.9, validation, 1e-3, 1000, 10);
  }

  @Test
  void choosesTheBestValidationEpochAndTheLaterOneOnATie() {
    TrainingHistory history =
        new TrainingHistory(
            List.of(
                epoch(1, 0.90), epoch(2, 0.95), epoch(3, 0.93), epoch(4, 0.95), epoch(5, 0.94)));
    assertThat(EpochStage.bestEpoch(history)).isEqualTo(4);
  }

  @Test
  void noEpochNoChoice() {
    assertThat(EpochStage.bestEpoch(TrainingHistory.empty())).isZero();
  }

  @Test
  void epochSeedsDifferPerEpochAndSeed() {
    assertThat(EpochStage.epochSeed(1, 2)).isNotEqualTo(EpochStage.epochSeed(1, 3));
    assertThat(EpochStage.epochSeed(1, 2)).isNotEqualTo(EpochStage.epochSeed(2, 2));
  }
}
