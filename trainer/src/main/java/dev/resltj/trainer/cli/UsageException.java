package dev.resltj.trainer.cli;

import java.util.function.Supplier;

/** A command line that parses but makes no sense (exit code 2). */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }

  /**
   * Runs {@code parser} on an option's value; the {@link IllegalArgumentException} a value type
   * throws on bad input becomes a usage error that starts with the option's name.
   */
  static <T> T parsing(String option, Supplier<T> parser) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw new UsageException(option + ": " + e.getMessage());
    }
  }
}
