package dev.resltj.server.batching;

import java.time.Duration;

/** A request was not answered within its deadline and was dropped. */
public final class DeadlineExceededException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  DeadlineExceededException(String batcher, Duration deadline) {
    super("no result from " + batcher + " within the deadline of " + deadline.toMillis() + " ms");
  }
}
