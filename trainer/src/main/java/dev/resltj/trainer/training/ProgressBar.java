package dev.resltj.trainer.training;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress inside an epoch: on a terminal, one line redrawn in place (steps, loss, accuracy,
 * images/s); in a log (standard error not a terminal), a plain line once a minute and after the
 * run's first step, so a long epoch (a large image folder) shows it is moving without flooding the
 * log of a short one; nothing with {@code --quiet}.
 */
public final class ProgressBar implements StepListener {
  /** How progress is shown. */
  public enum Mode {
    TERMINAL,
    LOG,
    OFF;

    /** The mode for a run: {@code --quiet} turns it off, else it depends on the terminal. */
    public static Mode of(boolean quiet) {
      if (quiet) {
        return OFF;
      }
      return System.console() != null ? TERMINAL : LOG;
    }
  }

  private static final int WIDTH = 28;
  private static final long REDRAW_NANOS = 150_000_000L;
  private static final long LOG_NANOS = 60_000_000_000L;

  private final PrintStream out;
  private final Mode mode;
  private final LongSupplier clock;
  private final StringBuilder line = new StringBuilder(160);
  private String prefix = "";
  private long lastDraw;
  private long epochStart;
  private int lastLength;
  private boolean firstStepLogged;

  public ProgressBar(PrintStream out, Mode mode) {
    this(out, mode, System::nanoTime);
  }

  ProgressBar(PrintStream out, Mode mode, LongSupplier clock) {
    this.out = out;
    this.mode = mode;
    this.clock = clock;
  }

  public void startEpoch(int epoch, int epochs) {
    prefix = String.format(Locale.ROOT, "epoch %" + digits(epochs) + "d/%d ", epoch, epochs);
    epochStart = clock.getAsLong();
    lastDraw = mode == Mode.TERMINAL ? 0 : epochStart;
  }

  @Override
  public void afterStep(int step, int steps, double meanLoss, double accuracy, double speed) {
    switch (mode) {
      case TERMINAL -> redraw(step, steps, meanLoss, accuracy, speed);
      case LOG -> logLine(step, steps, meanLoss, accuracy, speed);
      case OFF -> {}
    }
  }

  private void logLine(int step, int steps, double meanLoss, double accuracy, double speed) {
    long now = clock.getAsLong();
    boolean first = !firstStepLogged;
    if (step == steps || (!first && now - lastDraw < LOG_NANOS)) {
      return;
    }
    firstStepLogged = true;
    lastDraw = now;
    long perStep = (now - epochStart) / step;
    String eta = ", epoch ends in about " + minutes(perStep * (steps - step));
    out.println(
        String.format(
                Locale.ROOT,
                "%sstep %d/%d loss %.4f acc %.2f%% %,.0f img/s",
                prefix,
                step,
                steps,
                meanLoss,
                100 * accuracy,
                speed)
            + eta);
    out.flush();
  }

  private void redraw(int step, int steps, double meanLoss, double accuracy, double speed) {
    long now = clock.getAsLong();
    if (step != steps && now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    int filled = (int) ((long) WIDTH * step / steps);
    line.setLength(0);
    line.append('\r').append(prefix).append('[');
    for (int i = 0; i < WIDTH; i++) {
      line.append(i < filled ? '=' : (i == filled ? '>' : ' '));
    }
    line.append("] ")
        .append(
            String.format(
                Locale.ROOT,
                "%d/%d loss %.4f acc %.2f%% %,.0f img/s",
                step,
                steps,
                meanLoss,
                100 * accuracy,
                speed));
    int length = line.length();
    for (int i = length; i < lastLength; i++) {
      line.append(' ');
    }
    lastLength = length;
    out.print(line);
    out.flush();
  }

  /** Clears the bar so the summary line replaces it. */
  public void endEpoch() {
    if (mode == Mode.TERMINAL && lastLength > 0) {
      out.print('\r' + " ".repeat(lastLength) + '\r');
      out.flush();
      lastLength = 0;
    }
  }

  private static String minutes(long nanos) {
    long seconds = Math.round(nanos / 1e9);
    return seconds < 120 ? seconds + " s" : Math.round(seconds / 60.0) + " min";
  }

  private static int digits(int n) {
    return Integer.toString(n).length();
  }
}
