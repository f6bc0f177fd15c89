package dev.resltj.runtime;

import java.util.Arrays;

/** The fused logits of one image, one value per class. Immutable: owns a private copy. */
public final class Logits {
  private final float[] values;

  private Logits(float[] values) {
    this.values = values;
  }

  /** Copies {@code count} values starting at {@code offset}. */
  public static Logits copyOf(float[] source, int offset, int count) {
    return new Logits(Arrays.copyOfRange(source, offset, offset + count));
  }

  /** Number of classes. */
  public int size() {
    return values.length;
  }

  /** The logit of class {@code index}. */
  public float get(int index) {
    return values[index];
  }

  /** A copy of all logits, indexed by class. */
  public float[] toArray() {
    return values.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Logits other && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "Logits" + Arrays.toString(values);
  }
}
