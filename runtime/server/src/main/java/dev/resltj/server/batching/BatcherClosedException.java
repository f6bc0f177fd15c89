package dev.resltj.server.batching;

/** The batcher no longer takes requests because the server is shutting down. */
public final class BatcherClosedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BatcherClosedException(String batcher) {
    super(batcher + " is shutting down and takes no new requests");
  }
}
