package dev.resltj.trainer.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies one optimiser step to every trainable parameter and zeroes its gradient. Unlike DJL's
 * {@code Trainer}, it keeps its state (moments, momentum buffers) itself so a checkpoint can save
 * and restore it, it does not copy each gradient before the update, and it closes every gradient
 * handle it opens (DJL attaches them to the model's manager, where they would pile up step after
 * step).
 */
public final class ParameterUpdater implements AutoCloseable {
  private final OptimizerSettings settings;
  private final List<Parameter> parameters;

  /** Per parameter: Adam's first and second moments, or SGD's momentum buffer. */
  private final List<NDArray[]> state;

  private final NDManager stateManager;
  private int stepCount;

  private ParameterUpdater(
      OptimizerSettings settings, List<Parameter> parameters, NDManager manager) {
    this.settings = settings;
    this.parameters = parameters;
    this.stateManager = manager.newSubManager();
    this.state = new ArrayList<>(parameters.size());
    for (Parameter p : parameters) {
      NDArray w = p.getArray();
      state.add(
          settings.kind() == OptimizerSettings.Kind.ADAM
              ? new NDArray[] {stateManager.zeros(w.getShape()), stateManager.zeros(w.getShape())}
              : new NDArray[] {stateManager.zeros(w.getShape())});
    }
  }

  /**
   * An updater for the trainable parameters among {@code parameters}; state lives on {@code
   * manager}.
   */
  public static ParameterUpdater create(
      OptimizerSettings settings, List<Parameter> parameters, NDManager manager) {
    List<Parameter> trainable = new ArrayList<>();
    for (Parameter p : parameters) {
      if (p.requiresGradient()) {
        trainable.add(p);
      }
    }
    return new ParameterUpdater(settings, List.copyOf(trainable), manager);
  }

  /** Steps taken so far (Adam's bias correction counts from here). */
  public int stepCount() {
    return stepCount;
  }

  /** Updates every parameter from its gradient at learning rate {@code rate}. */
  public void step(double rate) {
    stepCount++;
    float lr = (float) rate;
    float wd = (float) settings.weightDecay();
    for (int i = 0; i < parameters.size(); i++) {
      NDArray weight = parameters.get(i).getArray();
      NDArray[] s = state.get(i);
      try (NDArray grad = weight.getGradient()) {
        switch (settings.kind()) {
          case ADAM -> adam(weight, grad, s, lr, wd);
          case SGD -> nesterov(weight, grad, s[0], lr, wd);
        }
      }
    }
  }

  private void adam(NDArray weight, NDArray grad, NDArray[] moments, float lr, float wd) {
    double b1 = OptimizerSettings.ADAM_BETA1;
    double b2 = OptimizerSettings.ADAM_BETA2;
    float corrected =
        (float) (lr * Math.sqrt(1 - Math.pow(b2, stepCount)) / (1 - Math.pow(b1, stepCount)));
    // The engine's fused kernel: one native call per parameter; it also zeroes the gradient.
    weight
        .getNDArrayInternal()
        .adamUpdate(
            new NDList(weight, grad, moments[0], moments[1]),
            new NDList(weight),
            lr,
            corrected,
            wd,
            1f,
            -1f,
            (float) b1,
            (float) b2,
            (float) OptimizerSettings.ADAM_EPSILON,
            true,
            settings.decoupledWeightDecay());
  }

  /** PyTorch's SGD with Nesterov momentum: v = mu v + g; w -= lr (g + mu v). */
  private void nesterov(NDArray weight, NDArray grad, NDArray velocity, float lr, float wd) {
    float mu = (float) settings.momentum();
    try (NDManager scratch = stateManager.newSubManager()) {
      NDArray g = grad.duplicate();
      g.attach(scratch);
      if (wd != 0f) {
        NDArray decay = weight.mul(wd);
        decay.attach(scratch);
        g.addi(decay);
      }
      velocity.muli(mu).addi(g);
      NDArray lookAhead = velocity.mul(mu);
      lookAhead.attach(scratch);
      weight.subi(lookAhead.addi(g).muli(lr));
      grad.subi(grad);
    }
  }

  /** The optimiser's state, to save with a checkpoint. */
  public OptimizerState snapshot() {
    NDList all = new NDList();
    for (NDArray[] s : state) {
      for (NDArray a : s) {
        all.add(a);
      }
    }
    return new OptimizerState(settings.kind(), stepCount, all.encode());
  }

  /**
   * Restores a {@link #snapshot} of the same network and optimiser; a mismatch throws and changes
   * nothing.
   */
  public void restore(OptimizerState saved) {
    if (saved.kind() != settings.kind()) {
      throw new IllegalArgumentException(
          "saved optimizer state is "
              + saved.kind().id()
              + ", this run uses "
              + settings.kind().id());
    }
    try (NDManager loading = stateManager.newSubManager()) {
      NDList all = NDList.decode(loading, saved.arrays());
      int expected = state.stream().mapToInt(s -> s.length).sum();
      if (all.size() != expected) {
        throw new IllegalArgumentException(
            "saved optimizer state has " + all.size() + " arrays, this network needs " + expected);
      }
      int k = 0;
      for (NDArray[] s : state) {
        for (NDArray a : s) {
          if (!a.getShape().equals(all.get(k).getShape())) {
            throw new IllegalArgumentException(
                "saved optimizer state array "
                    + k
                    + " has shape "
                    + all.get(k).getShape()
                    + ", this network needs "
                    + a.getShape());
          }
          k++;
        }
      }
      k = 0;
      for (NDArray[] s : state) {
        for (NDArray a : s) {
          all.get(k++).copyTo(a);
        }
      }
    }
    stepCount = saved.steps();
  }

  @Override
  public void close() {
    stateManager.close();
  }
}
