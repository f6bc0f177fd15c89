package dev.resltj.trainer.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One weight w = 1 whose gradient is 0.5 (the loss is 0.5 * w), so each update can be worked out by
 * hand.
 */
class ParameterUpdaterTest {
  private NDManager manager;
  private Linear linear;
  private Parameter weight;

  @BeforeEach
  void setUp() {
    manager = NDManager.newBaseManager();
    linear = Linear.builder().setUnits(1).optBias(false).build();
    linear.initialize(manager, DataType.FLOAT32, new Shape(1, 1));
    weight = linear.getParameters().get("weight");
    weight.getArray().set(new float[] {1f});
  }

  @AfterEach
  void tearDown() {
    manager.close();
  }

  /** Backward of loss 0.5 * w: the gradient of w becomes 0.5. */
  private void backward() {
    try (NDManager step = manager.newSubManager();
        var collector = Engine.getInstance().newGradientCollector()) {
      var out =
          linear.forward(
              new ParameterStore(manager, false),
              new NDList(step.create(new float[][] {{0.5f}})),
              true);
      collector.backward(out.singletonOrThrow().sum());
    }
  }

  private float w() {
    return weight.getArray().getFloat();
  }

  private ParameterUpdater updater(OptimizerSettings.Kind kind, double wd) {
    return ParameterUpdater.create(
        new OptimizerSettings(kind, 0.9, wd, false), linear.getParameters().values(), manager);
  }

  @Test
  void adamFirstStepMovesByTheLearningRate() {
    // m = 0.1 * 0.5 = 0.05, v = 0.001 * 0.25 = 0.00025; bias-corrected lr = 0.1 * sqrt(0.001) / 0.1
    // step = 0.0316228 * 0.05 / sqrt(0.00025) = 0.1 -> w = 0.9
    try (ParameterUpdater u = updater(OptimizerSettings.Kind.ADAM, 0)) {
      backward();
      u.step(0.1);
      assertThat(w()).isCloseTo(0.9f, within(1e-5f));
      assertThat(u.stepCount()).isEqualTo(1);
    }
  }

  @Test
  void updateZeroesTheGradient() {
    try (ParameterUpdater u = updater(OptimizerSettings.Kind.ADAM, 0)) {
      backward();
      u.step(0.1);
      assertThat(weight.getArray().getGradient().getFloat()).isZero();
    }
  }

  @Test
  void nesterovMatchesPyTorchsFormula() {
    // step 1: v = 0.5, w -= 0.1 * (0.5 + 0.9 * 0.5) = 0.095 -> 0.905
    // step 2: v = 0.45 + 0.5 = 0.95, w -= 0.1 * (0.5 + 0.855) = 0.1355 -> 0.7695
    try (ParameterUpdater u = updater(OptimizerSettings.Kind.SGD, 0)) {
      backward();
      u.step(0.1);
      assertThat(w()).isCloseTo(0.905f, within(1e-6f));
      backward();
      u.step(0.1);
      assertThat(w()).isCloseTo(0.7695f, within(1e-6f));
    }
  }

  @Test
  void nesterovAddsWeightDecayToTheGradient() {
    // g = 0.5 + 0.1 * 1 = 0.6, v = 0.6, w -= 0.1 * (0.6 + 0.54) = 0.114 -> 0.886
    try (ParameterUpdater u = updater(OptimizerSettings.Kind.SGD, 0.1)) {
      backward();
      u.step(0.1);
      assertThat(w()).isCloseTo(0.886f, within(1e-6f));
    }
  }

  @Test
  void restoredStateContinuesExactlyLikeTheOriginal() {
    OptimizerState saved;
    float original;
    try (ParameterUpdater u = updater(OptimizerSettings.Kind.ADAM, 0)) {
      backward();
      u.step(0.1);
      saved = u.snapshot();
      float afterOne = w();
      backward();
      u.step(0.1);
      original = w();
      weight.getArray().set(new float[] {afterOne});
    }
    try (ParameterUpdater resumed = updater(OptimizerSettings.Kind.ADAM, 0)) {
      resumed.restore(saved);
      assertThat(resumed.stepCount()).isEqualTo(1);
      backward();
      resumed.step(0.1);
      assertThat(w()).isEqualTo(original);
    }
  }

  @Test
  void restoreRejectsAnotherOptimizersState() {
    OptimizerState saved;
    try (ParameterUpdater u = updater(OptimizerSettings.Kind.SGD, 0)) {
      saved = u.snapshot();
    }
    try (ParameterUpdater adam = updater(OptimizerSettings.Kind.ADAM, 0)) {
      var e = assertThrows(IllegalArgumentException.class, () -> adam.restore(saved));
      assertThat(e).hasMessageContaining("sgd").hasMessageContaining("adam");
    }
  }

  @Test
  void scheduleWarmsUpThenFollowsACosineToZero() {
    var s = new LearningRateSchedule(LearningRateSchedule.Kind.COSINE, 0.1, 10, 110, List.of(), 1);
    assertThat(s.at(0)).isCloseTo(0.01, within(1e-12));
    assertThat(s.at(9)).isCloseTo(0.1, within(1e-12));
    assertThat(s.at(10)).isCloseTo(0.1, within(1e-12));
    assertThat(s.at(60)).isCloseTo(0.05, within(1e-12));
    assertThat(s.at(110)).isCloseTo(0.0, within(1e-12));
  }

  @Test
  void stepScheduleDecaysAtEachMilestone() {
    var s =
        new ScheduleSettings(LearningRateSchedule.Kind.STEPS, 0.1, 0, List.of(2, 4), 0.1)
            .perStep(5, 10);
    assertThat(s.at(19)).isCloseTo(0.1, within(1e-12));
    assertThat(s.at(20)).isCloseTo(0.01, within(1e-12));
    assertThat(s.at(40)).isCloseTo(0.001, within(1e-12));
  }
}
