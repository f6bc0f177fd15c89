package dev.resltj.runtime.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resltj.runtime.Polarity;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PolarityAndInversionTest {
  static PixelImage digit(int size, float ink, float background) {
    float[] v = new float[size * size];
    Arrays.fill(v, background);
    for (int y = size / 4; y < size * 3 / 4; y++) {
      v[y * size + size / 2] = ink; // a vertical stroke: a "1"
      v[y * size + size / 2 + 1] = ink;
    }
    return new PixelImage(1, size, size, v);
  }

  @Test
  void mnistDigitIsLightOnDark() {
    assertThat(PolarityEstimation.estimate(digit(28, 255, 0))).isEqualTo(Polarity.LIGHT_ON_DARK);
  }

  @Test
  void penOnPaperIsDarkOnLight() {
    assertThat(PolarityEstimation.estimate(digit(28, 20, 240))).isEqualTo(Polarity.DARK_ON_LIGHT);
  }

  @Test
  void greyPaperWithDarkerInkIsDarkOnLight() {
    // a dim photo: the paper is darker than mid-grey but still lighter than the ink
    assertThat(PolarityEstimation.estimate(digit(64, 30, 110))).isEqualTo(Polarity.DARK_ON_LIGHT);
  }

  @Test
  void brightInkOnMidGreyIsLightOnDark() {
    assertThat(PolarityEstimation.estimate(digit(64, 250, 140))).isEqualTo(Polarity.LIGHT_ON_DARK);
  }

  @Test
  void uniformImagesFollowTheirBrightness() {
    assertThat(PolarityEstimation.estimate(digit(28, 250, 250))).isEqualTo(Polarity.DARK_ON_LIGHT);
    assertThat(PolarityEstimation.estimate(digit(28, 5, 5))).isEqualTo(Polarity.LIGHT_ON_DARK);
  }

  @Test
  void borderMeanIsTheBackground() {
    assertThat(PolarityEstimation.borderMean(digit(28, 255, 17))).isEqualTo(17f);
  }

  @Test
  void inversionSwapsLightAndDarkAndUndoesItself() {
    PixelImage image = digit(28, 200, 10);
    PixelImage inverted = Inversion.invert(image);
    assertThat(inverted.get(0, 0, 0)).isEqualTo(245f);
    assertThat(inverted.get(0, 14, 14)).isEqualTo(55f);
    assertThat(Inversion.invert(inverted)).isEqualTo(image);
  }
}
