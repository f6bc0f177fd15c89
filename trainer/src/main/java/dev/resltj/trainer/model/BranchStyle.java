package dev.resltj.trainer.model;

import java.util.Locale;

/** How the head is built; {@code SINGLE} is the one-classifier head of the baselines. */
public enum BranchStyle {
  /** Per-branch 1x1 conv + BatchNorm + ReLU, pooling, one classifier shared by the branches. */
  PAPER,
  /** Per-branch 1x1 conv, pooling and its own classifier (the MNIST reference). */
  SEPARATE,
  /** One branch, one classifier: the baselines. */
  SINGLE;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
