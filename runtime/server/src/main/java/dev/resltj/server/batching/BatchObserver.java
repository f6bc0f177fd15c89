package dev.resltj.server.batching;

/**
 * What a {@link DynamicBatcher} reports for metrics. Called on the batcher's threads: keep it fast.
 */
public interface BatchObserver {

  /** Ignores everything. */
  BatchObserver NONE = new BatchObserver() {};

  /** A run finished: how many requests it merged and how many items (images) they held. */
  default void batchRan(int requests, int items, long runNanos) {}

  /** A request was refused or dropped. */
  default void rejected(Rejection reason) {}

  /** Why a request got no result. */
  enum Rejection {
    /** The queue had no room for the request's items. */
    QUEUE_FULL,
    /** The request was not answered before its deadline. */
    DEADLINE_EXCEEDED,
    /** The batcher was closed. */
    SHUT_DOWN
  }
}
