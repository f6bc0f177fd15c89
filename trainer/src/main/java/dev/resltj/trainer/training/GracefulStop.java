package dev.resltj.trainer.training;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns SIGINT and SIGTERM into a request that the training loop answers between two steps. The JVM
 * runs shutdown hooks while other threads keep running and then exits; if it exits while the
 * training thread is inside libtorch (a backward pass), libtorch's own teardown runs under it and
 * the process dies in native code. So the hook only asks, then waits until the run has left native
 * code, closed its arrays and said how to resume ({@link #close}), and only then lets the JVM go on
 * to exit with the signal's status (130 for Ctrl-C, 143 for SIGTERM).
 */
public final class GracefulStop implements AutoCloseable {
  /** How long the hook waits for the run to finish its step (one step takes well under this). */
  private static final long WAIT_SECONDS = 120;

  private final AtomicBoolean requested = new AtomicBoolean();
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook;

  private GracefulStop(PrintStream err) {
    this.hook =
        new Thread(
            () -> {
              requested.set(true);
              err.println();
              err.println("stopping: finishing the current step (Ctrl-C again does not hurry it)");
              err.flush();
              try {
                finished.await(WAIT_SECONDS, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "reslt-train-stop");
  }

  /** Installs the hook; {@link #close} removes it. */
  public static GracefulStop install(PrintStream err) {
    GracefulStop stop = new GracefulStop(err);
    Runtime.getRuntime().addShutdownHook(stop.hook);
    return stop;
  }

  /** A stop that is never requested, for code run without a process of its own (tests). */
  public static GracefulStop never() {
    return new GracefulStop(System.err);
  }

  /** Whether a stop was asked for; the loop checks it between steps. */
  public boolean requested() {
    return requested.get();
  }

  /** Asks for a stop as a signal would (tests, and a future stop command). */
  public void request() {
    requested.set(true);
  }

  /**
   * Tells a waiting hook that the run is done with native code. Call it last, after every array is
   * closed and every message printed.
   */
  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running (or the JVM is exiting): it is released by the count-down above
    } catch (IllegalArgumentException neverInstalled) {
      // never(): nothing to remove
    }
  }
}
