package dev.resltj.server.batching;

/** A single request holds more items than the queue can ever hold. */
public final class RequestTooLargeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RequestTooLargeException(String batcher, int requested, int capacity) {
    super(
        "the request holds "
            + requested
            + " images but "
            + batcher
            + " queues at most "
            + capacity
            + "; split it into smaller requests");
  }
}
