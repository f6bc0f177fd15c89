package dev.resltj.runtime.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MassCentringTest {
  /** A light L-shaped stroke in the top-left corner of a dark 100x80 image. */
  static PixelImage offCentreStroke() {
    int h = 100;
    int w = 80;
    float[] v = new float[h * w];
    for (int y = 5; y < 45; y++) {
      for (int x = 5; x < 12; x++) {
        v[y * w + x] = 255;
      }
    }
    for (int y = 38; y < 45; y++) {
      for (int x = 5; x < 30; x++) {
        v[y * w + x] = 255;
      }
    }
    return new PixelImage(1, h, w, v);
  }

  static double[] centreOfMass(PixelImage p) {
    double m = 0;
    double sy = 0;
    double sx = 0;
    for (int y = 0; y < p.height(); y++) {
      for (int x = 0; x < p.width(); x++) {
        double v = p.get(0, y, x);
        m += v;
        sy += v * (y + 0.5);
        sx += v * (x + 0.5);
      }
    }
    return new double[] {sy / m, sx / m};
  }

  @Test
  void centreOfMassLandsOnTheFrameCentre() {
    PixelImage centred = MassCentring.centre(offCentreStroke(), 28, 28);
    double[] com = centreOfMass(centred);
    assertThat(com[0]).isCloseTo(14.0, within(0.5));
    assertThat(com[1]).isCloseTo(14.0, within(0.5));
  }

  @Test
  void inkFitsTheTwentyPixelBox() {
    PixelImage centred = MassCentring.centre(offCentreStroke(), 28, 28);
    int top = 28;
    int bottom = -1;
    int left = 28;
    int right = -1;
    for (int y = 0; y < 28; y++) {
      for (int x = 0; x < 28; x++) {
        if (centred.get(0, y, x) > 25) {
          top = Math.min(top, y);
          bottom = Math.max(bottom, y);
          left = Math.min(left, x);
          right = Math.max(right, x);
        }
      }
    }
    // the stroke is 40 tall and 25 wide: the long side becomes 20, the short one 12 or 13
    assertThat(bottom - top + 1).isEqualTo(20);
    assertThat(right - left + 1).isBetween(12, 13);
  }

  @Test
  void blankImageIsOnlyResized() {
    float[] v = new float[56 * 56];
    Arrays.fill(v, 3f);
    PixelImage centred = MassCentring.centre(new PixelImage(1, 56, 56, v), 28, 28);
    assertThat(centred.toArray()).containsOnly(3f);
  }

  @Test
  void inkIsBrightnessAboveTheBackground() {
    PixelImage p = new PixelImage(1, 1, 3, new float[] {10, 50, 5});
    assertThat(MassCentring.ink(p, 10)).containsExactly(0f, 40f, 0f);
  }
}
