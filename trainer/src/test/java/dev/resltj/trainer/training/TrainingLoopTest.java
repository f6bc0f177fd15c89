package dev.resltj.trainer.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import dev.resltj.trainer.data.ClassGroups;
import dev.resltj.trainer.data.GroupThresholds;
import dev.resltj.trainer.data.LabeledImages;
import dev.resltj.trainer.loss.CrossEntropyLoss;
import dev.resltj.trainer.loss.MethodLoss;
import dev.resltj.trainer.loss.ResltLoss;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingLoopTest {
  private static final LabeledImages DATA = StandIns.quadrants(256, 7);
  private static final OptimizerSettings ADAM =
      new OptimizerSettings(OptimizerSettings.Kind.ADAM, 0, 0, false);

  private static LearningRateSchedule constant(double rate, int steps) {
    return new LearningRateSchedule(
        LearningRateSchedule.Kind.CONSTANT, rate, 0, steps, List.of(), 1);
  }

  /** Trains {@code epochs} epochs of 8 steps of 32 from seed 42 and returns each epoch's stats. */
  private static List<EpochStats> train(Block block, MethodLoss loss, int epochs) {
    return train(block, loss, epochs, StepPhases.NONE);
  }

  private static List<EpochStats> train(
      Block block, MethodLoss loss, int epochs, StepPhases phases) {
    Engine.getInstance().setRandomSeed(42);
    List<EpochStats> stats = new ArrayList<>();
    try (NDManager manager = NDManager.newBaseManager()) {
      block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 4, 4));
      try (ParameterUpdater updater =
          ParameterUpdater.create(ADAM, block.getParameters().values(), manager)) {
        TrainingLoop loop =
            new TrainingLoop(
                block,
                manager,
                StandIns.INPUT,
                loss,
                updater,
                constant(0.05, 8 * epochs),
                StandIns.sampler(DATA, 32, 1));
        for (int epoch = 1; epoch <= epochs; epoch++) {
          stats.add(loop.runEpoch(epoch, 8, StepListener.NONE, GracefulStop.never(), phases));
        }
      }
    }
    return stats;
  }

  @Test
  void lossFallsAndAccuracyRisesOnLearnableData() {
    List<EpochStats> stats = train(StandIns.linear(), new CrossEntropyLoss(), 3);
    assertThat(stats.get(2).meanLoss()).isLessThan(stats.get(0).meanLoss() * 0.5);
    assertThat(stats.get(2).accuracy()).isGreaterThan(0.95);
    assertThat(stats.get(0).images()).isEqualTo(8 * 32);
  }

  @Test
  void resltHeadTrainsThroughTheMaskedLoss() {
    ClassGroups groups = new ClassGroups(GroupThresholds.MNIST_LT, List.of(2000, 2000, 500, 50));
    List<EpochStats> stats = train(StandIns.threeBranches(), new ResltLoss(0.5, groups), 3);
    assertThat(stats.get(2).meanLoss()).isLessThan(stats.get(0).meanLoss());
    assertThat(stats.get(2).accuracy()).isGreaterThan(0.9);
  }

  @Test
  void timingThePartsOfAStepTimesEachPartAndChangesNoLoss() {
    StepPhases.Totals phases = new StepPhases.Totals();
    double timed = train(StandIns.linear(), new CrossEntropyLoss(), 1, phases).get(0).meanLoss();
    double untimed = train(StandIns.linear(), new CrossEntropyLoss(), 1).get(0).meanLoss();
    assertThat(timed).isEqualTo(untimed);
    assertThat(phases.millis()).hasSize(StepPhases.Phase.values().length);
    assertThat(phases.millis().get(StepPhases.Phase.FORWARD)).isPositive();
    assertThat(phases.millis().get(StepPhases.Phase.BACKWARD)).isPositive();
    assertThat(phases.millis().get(StepPhases.Phase.OPTIMISER)).isPositive();
  }

  @Test
  void sameSeedGivesTheSameLosses() {
    double first = train(StandIns.linear(), new CrossEntropyLoss(), 1).get(0).meanLoss();
    double second = train(StandIns.linear(), new CrossEntropyLoss(), 1).get(0).meanLoss();
    assertThat(second).isEqualTo(first);
  }

  @Test
  void stepsLeaveNoArraysBehind() {
    Engine.getInstance().setRandomSeed(1);
    try (NDManager manager = NDManager.newBaseManager()) {
      Block block = StandIns.linear();
      block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 4, 4));
      try (ParameterUpdater updater =
          ParameterUpdater.create(ADAM, block.getParameters().values(), manager)) {
        TrainingLoop loop =
            new TrainingLoop(
                block,
                manager,
                StandIns.INPUT,
                new CrossEntropyLoss(),
                updater,
                constant(0.01, 100),
                StandIns.sampler(DATA, 16, 1));
        loop.runEpoch(1, 2, StepListener.NONE, GracefulStop.never());
        int afterWarmUp = manager.getManagedArrays().size();
        loop.runEpoch(2, 20, StepListener.NONE, GracefulStop.never());
        assertThat(manager.getManagedArrays()).hasSize(afterWarmUp);
      }
    }
  }

  @Test
  void inferenceScoresTheTrainedBlock() {
    Engine.getInstance().setRandomSeed(3);
    try (NDManager manager = NDManager.newBaseManager()) {
      Block block = StandIns.threeBranches();
      block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 4, 4));
      ClassGroups groups = new ClassGroups(GroupThresholds.MNIST_LT, List.of(2000, 2000, 500, 50));
      try (ParameterUpdater updater =
          ParameterUpdater.create(ADAM, block.getParameters().values(), manager)) {
        new TrainingLoop(
                block,
                manager,
                StandIns.INPUT,
                new ResltLoss(0.5, groups),
                updater,
                constant(0.05, 30),
                StandIns.sampler(DATA, 32, 1))
            .runEpoch(1, 30, StepListener.NONE, GracefulStop.never());
      }
      LabeledImages test = StandIns.quadrants(1001, 99);
      PredictedClasses predictions = Inference.predict(block, manager, StandIns.INPUT, test);
      assertThat(predictions.size()).isEqualTo(1001);
      assertThat(predictions.branches()).hasSize(3);
      assertThat(predictions.accuracy(test.labels())).isGreaterThan(0.95);
    }
  }
}
