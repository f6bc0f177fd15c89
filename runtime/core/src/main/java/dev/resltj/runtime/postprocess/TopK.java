package dev.resltj.runtime.postprocess;

/** Indices of the largest scores, largest first; ties keep the lower class index first. */
public final class TopK {
  private TopK() {}

  /**
   * @param k how many (capped at {@code count})
   * @return class indices (0-based within the row), best first
   */
  public static int[] select(float[] scores, int offset, int count, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    int n = Math.min(k, count);
    int[] best = new int[n];
    int filled = 0;
    // insertion into a small sorted array: k and the class count are small
    for (int c = 0; c < count; c++) {
      float s = scores[offset + c];
      if (filled == n && !(s > scores[offset + best[n - 1]])) {
        continue;
      }
      int pos = filled < n ? filled++ : n - 1;
      while (pos > 0 && s > scores[offset + best[pos - 1]]) {
        best[pos] = best[pos - 1];
        pos--;
      }
      best[pos] = c;
    }
    return best;
  }
}
