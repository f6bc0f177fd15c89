package dev.resltj.trainer.data;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of a long data step (indexing, decoding) on one line: printed at most every two seconds
 * and only once the step has run that long, so small data sets stay quiet. Thread-safe.
 */
public final class Progress {
  private static final long INTERVAL_NANOS = 2_000_000_000L;
  private final PrintStream out;
  private final String what;
  private final long start = System.nanoTime();
  private long lastPrint = start;

  private Progress(PrintStream out, String what) {
    this.out = out;
    this.what = what;
  }

  /** Progress of {@code what} (e.g. "indexing train/") on {@code out}. */
  public static Progress on(PrintStream out, String what) {
    return new Progress(out, what);
  }

  /** Reports nothing. */
  public static Progress silent() {
    return new Progress(null, "");
  }

  public synchronized void update(long done, long total) {
    long now = System.nanoTime();
    if (out == null || now - lastPrint < INTERVAL_NANOS) {
      return;
    }
    lastPrint = now;
    double seconds = (now - start) / 1e9;
    out.printf(
        Locale.ROOT,
        "%s: %,d of %,d (%.0f%%, %.0f s, %,.0f/s)%n",
        what,
        done,
        total,
        100.0 * done / Math.max(1, total),
        seconds,
        done / seconds);
    out.flush();
  }

  /** Seconds since this progress started. */
  public double seconds() {
    return (System.nanoTime() - start) / 1e9;
  }
}
