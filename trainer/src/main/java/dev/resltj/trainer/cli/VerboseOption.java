package dev.resltj.trainer.cli;

import picocli.CommandLine.Option;

/**
 * {@code --verbose}, declared once for every command: a {@code @Mixin} in most, an argument group
 * inside {@code train}'s "Run" section (picocli takes no mixin inside a group). {@link CliRunner}
 * asks picocli's parse whether it was given, so the field itself is never read.
 */
final class VerboseOption {
  static final String NAME = "--verbose";

  @Option(names = NAME, description = "Print the stack trace of a failure.")
  boolean verbose;
}
