package dev.resltj.trainer.training;

import java.io.PrintStream;
import java.util.Locale;

/**
 * One line per epoch redrawn in place on a terminal: steps, loss, accuracy and images/s. Silent
 * when disabled (not a terminal, or {@code --quiet}), so logs hold only the per-epoch summary
 * lines.
 */
public final class ProgressBar implements StepListener {
  private static final int WIDTH = 28;
  private static final long REDRAW_NANOS = 150_000_000L;

  private final PrintStream out;
  private final boolean enabled;
  private final StringBuilder line = new StringBuilder(160);
  private String prefix = "";
  private long lastDraw;
  private int lastLength;

  public ProgressBar(PrintStream out, boolean enabled) {
    this.out = out;
    this.enabled = enabled;
  }

  /** Whether standard error looks like an interactive terminal. */
  public static boolean terminalAttached() {
    return System.console() != null;
  }

  public void startEpoch(int epoch, int epochs) {
    prefix = String.format(Locale.ROOT, "epoch %" + digits(epochs) + "d/%d ", epoch, epochs);
    lastDraw = 0;
  }

  @Override
  public void afterStep(int step, int steps, double meanLoss, double accuracy, double speed) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
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
    if (enabled && lastLength > 0) {
      out.print('\r' + " ".repeat(lastLength) + '\r');
      out.flush();
      lastLength = 0;
    }
  }

  private static int digits(int n) {
    return Integer.toString(n).length();
  }
}
