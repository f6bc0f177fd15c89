package dev.resltj.trainer.training;

import java.util.EnumMap;
import java.util.Map;

/**
 * Wall time of each part of a training step, summed over steps: what the step profile ({@code
 * trainer/bench/profile.sh}) compares with PyTorch's. A sampling profiler cannot split the step
 * fairly (libtorch's forward is many short native calls, its backward one long one), so the loop
 * reads the clock between the parts instead; {@link #NONE} costs nothing.
 */
public interface StepPhases {
  /** The parts of a step, in the order the loop runs them. */
  enum Phase {
    /** Next batch into the reused host buffers, wrapped as arrays. */
    BATCH,
    FORWARD,
    LOSS,
    BACKWARD,
    /** The loss value and the accuracy counts read back into Java. */
    BOOKKEEPING,
    /** The step's arrays released. */
    RELEASE,
    OPTIMISER
  }

  /** Called with each part's elapsed nanoseconds as the step runs. */
  void add(Phase phase, long nanos);

  /** Times nothing. */
  StepPhases NONE = (phase, nanos) -> {};

  /** Sums the parts' times; not thread-safe (one loop). */
  final class Totals implements StepPhases {
    private final Map<Phase, Long> nanos = new EnumMap<>(Phase.class);

    @Override
    public void add(Phase phase, long elapsed) {
      nanos.merge(phase, elapsed, Long::sum);
    }

    /** Total milliseconds per part, in step order. */
    public Map<Phase, Double> millis() {
      Map<Phase, Double> out = new EnumMap<>(Phase.class);
      for (Phase p : Phase.values()) {
        out.put(p, nanos.getOrDefault(p, 0L) / 1e6);
      }
      return out;
    }
  }
}
