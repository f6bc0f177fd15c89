package dev.resltj.server.batching;

import java.time.Duration;

/** The queue has no room for a request: the caller should retry later. */
public final class QueueFullException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Duration retryAfter;

  QueueFullException(String batcher, int queued, int requested, int capacity, Duration retryAfter) {
    super(
        "the queue for "
            + batcher
            + " is full ("
            + queued
            + " of "
            + capacity
            + " images waiting, this request adds "
            + requested
            + "); retry later");
    this.retryAfter = retryAfter;
  }

  /** A suggested wait before retrying. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
