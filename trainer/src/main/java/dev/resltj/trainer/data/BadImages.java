package dev.resltj.trainer.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The images {@code --skip-bad-images} left out, counted per problem, with the first few named so
 * the user can look. Thread-safe: decoding threads report into it.
 */
public final class BadImages {
  private static final int NAMED = 5;
  private final boolean skip;
  private final List<String> named = new ArrayList<>();
  private int count;

  private BadImages(boolean skip) {
    this.skip = skip;
  }

  /** Bad images are errors. */
  public static BadImages fail() {
    return new BadImages(false);
  }

  /** Bad images are counted and left out. */
  public static BadImages skip() {
    return new BadImages(true);
  }

  public boolean skipping() {
    return skip;
  }

  /**
   * Reports {@code problem}: throws it as a {@link DataFileException} unless skipping, when it is
   * counted instead.
   */
  public synchronized void report(DataFileException problem) {
    if (!skip) {
      throw problem;
    }
    count++;
    if (named.size() < NAMED) {
      named.add(problem.getMessage());
    }
  }

  public synchronized int count() {
    return count;
  }

  /** One line for the run's output, empty when nothing was skipped. */
  public synchronized String summary() {
    if (count == 0) {
      return "";
    }
    return "skipped "
        + count
        + " bad image(s) (--skip-bad-images), first: "
        + String.join("; ", named);
  }
}
