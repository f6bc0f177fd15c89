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
      };

  /** The observer of one model's batcher. */
  BatchObserver batchObserver(String model);

  /** A model became ready: start watching its queue. */
  void modelLoaded(LoadedModel model);
}
