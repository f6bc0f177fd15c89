package dev.resltj.trainer.cli;

/** Process exit codes of every subcommand. */
public final class ExitCodes {
  private ExitCodes() {}

  public static final int OK = 0;

  /** The work failed (bad data, failed training, I/O). */
  public static final int FAILURE = 1;

  /** The command line was wrong. */
  public static final int USAGE = 2;

  /**
   * A training run was stopped (Ctrl-C or SIGTERM) and left a resumable checkpoint. The shell's
   * convention for Ctrl-C; a run stopped by SIGTERM exits with the signal's own status, 143.
   */
  public static final int STOPPED = 130;
}
