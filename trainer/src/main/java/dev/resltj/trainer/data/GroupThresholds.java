package dev.resltj.trainer.data;

/**
 * Count thresholds that split classes into groups: tail has at most {@code tailMax} training
 * images, medium at most {@code mediumMax}, head more. MNIST-LT default: 100 and 1000.
 */
public record GroupThresholds(int tailMax, int mediumMax) {
  public static final GroupThresholds MNIST_LT = new GroupThresholds(100, 1000);

  public GroupThresholds {
    if (tailMax < 0) {
      throw new IllegalArgumentException("tail threshold must be >= 0, got " + tailMax);
    }
    if (mediumMax <= tailMax) {
      throw new IllegalArgumentException(
          "medium threshold ("
              + mediumMax
              + ") must be above the tail threshold ("
              + tailMax
              + ")");
    }
  }
}
