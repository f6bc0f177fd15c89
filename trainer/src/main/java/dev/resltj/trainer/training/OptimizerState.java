package dev.resltj.trainer.training;

import java.util.Base64;

/**
 * The optimiser's state saved with each checkpoint as {@code optimizer.json}: its kind, the steps
 * taken (Adam's bias correction and the schedule continue from there) and its moment or momentum
 * arrays in DJL's {@code NDList} encoding, Base64 in JSON.
 */
public record OptimizerState(OptimizerSettings.Kind kind, int steps, String encoded) {
  public OptimizerState {
    if (kind == null || encoded == null || steps < 0) {
      throw new IllegalArgumentException("optimizer state needs a kind, steps >= 0 and its arrays");
    }
  }

  OptimizerState(OptimizerSettings.Kind kind, int steps, byte[] arrays) {
    this(kind, steps, Base64.getEncoder().encodeToString(arrays));
  }

  byte[] arrays() {
    return Base64.getDecoder().decode(encoded);
  }
}
