package dev.resltj.trainer.data;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A bounded pool of image-decoding threads: JPEG and PNG decoding is the slow part of reading an
 * image folder, and a few threads keep the training step fed without taking every core from
 * libtorch. Daemon threads, so a forgotten pool never keeps the JVM alive; {@link #close} ends
 * them.
 */
public final class DecodeWorkers implements AutoCloseable {
  private final ExecutorService pool;
  private final int threads;

  private DecodeWorkers(int threads) {
    this.threads = threads;
    AtomicInteger n = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "reslt-decode-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** A pool of {@code threads} threads. */
  public static DecodeWorkers start(int threads) {
    if (threads < 1 || threads > 256) {
      throw new IllegalArgumentException("decoding threads must be in 1..256, got " + threads);
    }
    return new DecodeWorkers(threads);
  }

  /** The default: as many threads as CPUs, at most 4. */
  public static int defaultThreads() {
    return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
  }

  public int threads() {
    return threads;
  }

  /** Runs {@code task} later on a worker. */
  public <T> Future<T> submit(Callable<T> task) {
    return pool.submit(task);
  }

  /**
   * Runs {@code task(i)} for every {@code i} in {@code 0..count-1} in contiguous chunks, one per
   * thread, and waits. Must not be called from a worker (it would wait for itself).
   *
   * @throws RuntimeException the first task's failure, unwrapped
   */
  public void forEach(int count, IntConsumer task) {
    int chunks = Math.min(threads, count);
    if (chunks <= 1) {
      for (int i = 0; i < count; i++) {
        task.accept(i);
      }
      return;
    }
    List<Future<?>> futures = new ArrayList<>(chunks);
    for (int k = 0; k < chunks; k++) {
      int from = (int) ((long) count * k / chunks);
      int to = (int) ((long) count * (k + 1) / chunks);
      futures.add(
          pool.submit(
              () -> {
                for (int i = from; i < to; i++) {
                  task.accept(i);
                }
              }));
    }
    awaitAll(futures);
  }

  /** Waits for every future; rethrows the first failure after all have ended. */
  static void awaitAll(List<? extends Future<?>> futures) {
    RuntimeException first = null;
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (ExecutionException e) {
        if (first == null) {
          first = unwrap(e);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while decoding images", e);
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** The task's own exception when it is unchecked, else a wrapper. */
  public static RuntimeException unwrap(ExecutionException e) {
    Throwable cause = e.getCause();
    if (cause instanceof RuntimeException r) {
      return r;
    }
    if (cause instanceof Error err) {
      throw err;
    }
    return new IllegalStateException(cause);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
