package dev.resltj.server.models;

import dev.resltj.server.batching.BatchObserver;

/** Where the registry reports per-model measurements (implemented over Micrometer). */
public interface ModelMetrics {

  /** Ignores everything: for tools and tests that need no metrics. */
  ModelMetrics NONE =
      new ModelMetrics() {
        @Override
        public BatchObserver batchObserver(String model) {
          return BatchObserver.NONE;
        }

        @Override
        public void modelLoaded(LoadedModel model) {}

        @Override
        public void modelUnloaded(String model) {}
      };

  /** The observer of one model's batcher. */
  BatchObserver batchObserver(String model);

  /** A model became ready, or its replacement did: watch its queue from now on. */
  void modelLoaded(LoadedModel model);

  /** A model was unloaded: its queue is empty from now on. */
  void modelUnloaded(String model);
}
