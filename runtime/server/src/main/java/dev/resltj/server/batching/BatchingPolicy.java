package dev.resltj.server.batching;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link DynamicBatcher} forms batches.
 *
 * @param mergeRequests whether requests are merged into shared runs; when {@code false} every
 *     request runs alone (the queue, its bound and the deadline still apply)
 * @param maxBatchSize most items (images) in one run; a single request larger than this runs alone
 * @param maxQueueDelay longest time the oldest request of a batch waits for the batch to fill, and
 *     only while more requests are announced ({@link DynamicBatcher#announce()}); a lone request on
 *     an idle model runs at once
 * @param maxQueueSize most items waiting in the queue; a request that does not fit is refused at
 *     once
 * @param deadline time from submission after which a request that has not been answered fails and
 *     leaves the queue
 * @param workers threads that run batches concurrently for this model
 */
public record BatchingPolicy(
    boolean mergeRequests,
    int maxBatchSize,
    Duration maxQueueDelay,
    int maxQueueSize,
    Duration deadline,
    int workers) {

  public BatchingPolicy {
    Objects.requireNonNull(maxQueueDelay, "maxQueueDelay");
    Objects.requireNonNull(deadline, "deadline");
    if (maxBatchSize < 1) {
      throw new IllegalArgumentException("max batch size must be at least 1, got " + maxBatchSize);
    }
    if (maxQueueDelay.isNegative()) {
      throw new IllegalArgumentException(
          "max queue delay must not be negative, got " + maxQueueDelay);
    }
    if (maxQueueSize < 1) {
      throw new IllegalArgumentException("max queue size must be at least 1, got " + maxQueueSize);
    }
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("deadline must be positive, got " + deadline);
    }
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, got " + workers);
    }
  }

  /** The same policy with request merging switched off. */
  public BatchingPolicy withoutMerging() {
    return new BatchingPolicy(false, maxBatchSize, maxQueueDelay, maxQueueSize, deadline, workers);
  }
}
