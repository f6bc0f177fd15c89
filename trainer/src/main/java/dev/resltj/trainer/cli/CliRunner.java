package dev.resltj.trainer.cli;

import picocli.CommandLine;

/**
 * Runs a command with the project's error policy: usage errors print one line and exit 2; failures
 * print the message (the stack trace only with {@code --verbose}) and exit 1.
 */
public final class CliRunner {
  private CliRunner() {}

  public static int run(Object command, String... args) {
    return run(
        command,
        new java.io.PrintWriter(System.out, true),
        new java.io.PrintWriter(System.err, true),
        args);
  }

  /** As {@link #run(Object, String...)}, printing to {@code out} and {@code err} (for tests). */
  public static int run(
      Object command, java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(command);
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(
        (ex, a) -> {
          ex.getCommandLine().getErr().println("error: " + ex.getMessage());
          ex.getCommandLine()
              .getErr()
              .println(
                  "Run '"
                      + ex.getCommandLine().getCommandSpec().qualifiedName()
                      + " --help' for usage.");
          return ExitCodes.USAGE;
        });
    cli.setExecutionExceptionHandler(
        (ex, c, parseResult) -> {
          if (ex instanceof UsageException) {
            c.getErr().println("error: " + ex.getMessage());
            return ExitCodes.USAGE;
          }
          c.getErr()
              .println("error: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
          if (askedForVerbose(parseResult)) {
            ex.printStackTrace(c.getErr());
          }
          return ExitCodes.FAILURE;
        });
    return cli.execute(args);
  }

  /**
   * Whether the command that failed was given {@code --verbose}: asked of picocli's parse, so an
   * argument that only reads "--verbose" (a file so named, after {@code --}) does not count.
   */
  private static boolean askedForVerbose(CommandLine.ParseResult parseResult) {
    CommandLine.ParseResult command = parseResult;
    while (command.hasSubcommand()) {
      command = command.subcommand();
    }
    return command.hasMatchedOption(VerboseOption.NAME);
  }
}
