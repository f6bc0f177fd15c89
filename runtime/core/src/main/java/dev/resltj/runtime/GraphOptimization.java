package dev.resltj.runtime;

/**
 * How much ONNX Runtime rewrites the graph when the session is created (its graph optimisation
 * level).
 */
public enum GraphOptimization {
  /** No rewriting: slowest, useful to rule the optimiser out when debugging. */
  NONE,
  /** Constant folding and redundant-node removal. */
  BASIC,
  /** Adds node fusions (for example Conv + activation). */
  EXTENDED,
  /** Everything, including layout changes. The default. */
  ALL
}
