package dev.resltj.runtime.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ResizingTest {
  static PixelImage filled(int h, int w, float value) {
    float[] v = new float[h * w];
    Arrays.fill(v, value);
    return new PixelImage(1, h, w, v);
  }

  static double sum(PixelImage p) {
    double s = 0;
    for (float v : p.toArray()) {
      s += v;
    }
    return s;
  }

  @Test
  void sameSizeIsReturnedUntouched() {
    PixelImage image = filled(28, 28, 3);
    assertThat(Resizing.fit(image, 28, 28, 0)).isSameAs(image);
  }

  @Test
  void halvingAveragesEachTwoByTwoBlock() {
    PixelImage image = new PixelImage(1, 2, 4, new float[] {0, 4, 8, 8, 2, 6, 8, 8});
    PixelImage half = Resizing.resize(image, 1, 2);
    assertThat(half.toArray()).containsExactly(3f, 8f);
  }

  @Test
  void shrinkingByAnyFactorKeepsTheMeanBrightness() {
    PixelImage image = new PixelImage(1, 97, 61, random(97 * 61));
    PixelImage small = Resizing.resize(image, 28, 28);
    assertThat(sum(small) / (28 * 28)).isCloseTo(sum(image) / (97 * 61), within(0.5));
  }

  @Test
  void enlargingAConstantImageKeepsItConstant() {
    PixelImage big = Resizing.resize(filled(7, 7, 42), 28, 28);
    for (float v : big.toArray()) {
      assertThat(v).isCloseTo(42f, within(1e-4f));
    }
  }

  @Test
  void enlargingInterpolatesBetweenNeighbours() {
    PixelImage image = new PixelImage(1, 1, 2, new float[] {0, 100});
    PixelImage wide = Resizing.resize(image, 1, 4);
    assertThat(wide.toArray()).containsExactly(0f, 25f, 75f, 100f);
  }

  @Test
  void fitKeepsTheAspectRatioAndPadsWithTheBackground() {
    PixelImage tall = filled(56, 28, 200);
    PixelImage fitted = Resizing.fit(tall, 28, 28, 9);
    // 56x28 scales to 28x14, centred: columns 7..20 are image, the rest padding
    for (int x = 0; x < 28; x++) {
      float expected = x >= 7 && x < 21 ? 200f : 9f;
      assertThat(fitted.get(0, 14, x)).as("column %d", x).isEqualTo(expected);
    }
  }

  @Test
  void resizesEveryChannel() {
    float[] v = new float[3 * 4 * 4];
    Arrays.fill(v, 0, 16, 10);
    Arrays.fill(v, 16, 32, 20);
    Arrays.fill(v, 32, 48, 30);
    PixelImage rgb = Resizing.resize(new PixelImage(3, 4, 4, v), 2, 2);
    assertThat(rgb.toArray()).containsExactly(10, 10, 10, 10, 20, 20, 20, 20, 30, 30, 30, 30);
  }

  static float[] random(int n) {
    java.util.Random r = new java.util.Random(5);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextInt(256);
    }
    return v;
  }
}
