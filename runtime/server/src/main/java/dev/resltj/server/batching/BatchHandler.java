package dev.resltj.server.batching;

import java.util.List;

/**
 * Runs one batch: the requests of several callers at once.
 *
 * @param <I> one caller's request
 * @param <O> one caller's result
 */
@FunctionalInterface
public interface BatchHandler<I, O> {

  /**
   * Runs the requests together and returns one result per request, in the same order. An exception
   * fails every request of the batch with it.
   */
  List<O> run(List<I> requests);
}
