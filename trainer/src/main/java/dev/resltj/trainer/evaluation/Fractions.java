package dev.resltj.trainer.evaluation;

/** Checks that metric values are fractions, for the records' compact constructors. */
final class Fractions {
  private Fractions() {}

  static void check(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be a fraction in [0, 1], got " + value);
    }
  }

  static void checkOptional(String name, Double value) {
    if (value != null) {
      check(name, value);
    }
  }
}
