package dev.resltj.spark.job;

/** A command line that parses but names something that is not there (exit code 2). */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
