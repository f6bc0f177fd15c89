package dev.resltj.trainer.model;

import java.util.Locale;

/** How the head is built; {@code SINGLE} is the one-classifier head of the baselines. */
public enum BranchStyle {
  /**
   * The authors' branches, one classifier shared by them: per branch 1x1 conv + BatchNorm + ReLU
   * ({@code mnist}, {@code resnet18}) or one BatchNorm ({@code resnet32}), then pooling.
   */
  PAPER,
  /**
   * Per branch its own classifier: a 1x1 conv (the MNIST reference's, also on {@code mnist}) or the
   * {@code paper} branch layers ({@code resnet32}, {@code resnet18}), pooling, classifier.
   */
  SEPARATE,
  /** One branch, one classifier: the baselines. */
  SINGLE;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
