package dev.resltj.trainer.evaluation;

import java.util.Locale;

/**
 * The three ResLT branches, in the order the network outputs them: h+m+t learns from every sample,
 * m+t from medium and tail samples, t from tail samples.
 */
public enum Branch {
  HMT,
  MT,
  T;

  /** The lower-case name used in {@code report.json} and the report: hmt, mt, t. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** A readable name for tables and plots. */
  public String displayName() {
    return switch (this) {
      case HMT -> "h+m+t";
      case MT -> "m+t";
      case T -> "t";
    };
  }
}
