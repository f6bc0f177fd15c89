package dev.resltj.trainer.cli;

/** Process exit codes of every subcommand. */
public final class ExitCodes {
  private ExitCodes() {}

  public static final int OK = 0;

  /** The work failed (bad data, failed training, I/O). */
  public static final int FAILURE = 1;

  /** The command line was wrong. */
  public static final int USAGE = 2;
}
