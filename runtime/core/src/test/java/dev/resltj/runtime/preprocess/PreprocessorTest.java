package dev.resltj.runtime.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resltj.runtime.ClassifierOptions;
import dev.resltj.runtime.ModelCard;
import dev.resltj.runtime.Polarity;
import dev.resltj.runtime.fixtures.TestImages;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class PreprocessorTest {
  static final ModelCard.Input MNIST =
      new ModelCard.Input(1, 28, 28, 0, 255, Polarity.LIGHT_ON_DARK);

  @Test
  void mnistLikeImagePassesThroughUnchanged() {
    BufferedImage image = TestImages.blob(28, 0, 255, 0);
    PixelImage p = new Preprocessor(MNIST, ClassifierOptions.defaults()).prepare(image);
    assertThat(p.toArray()).containsExactly(TestImages.blobPixels(0));
  }

  @Test
  void darkDigitOnWhitePaperIsInvertedForAnMnistModel() {
    BufferedImage paper = TestImages.inverted(TestImages.blob(28, 2, 255, 0));
    PixelImage p = new Preprocessor(MNIST, ClassifierOptions.defaults()).prepare(paper);
    assertThat(p.toArray()).containsExactly(TestImages.blobPixels(2));
  }

  @Test
  void autoInvertCanBeTurnedOff() {
    BufferedImage paper = TestImages.inverted(TestImages.blob(28, 2, 255, 0));
    PixelImage p =
        new Preprocessor(MNIST, ClassifierOptions.builder().autoInvert(false).build())
            .prepare(paper);
    assertThat(p.get(0, 0, 0)).isEqualTo(255f);
  }

  @Test
  void modelsOfEitherPolarityNeverInvert() {
    var any = new ModelCard.Input(1, 28, 28, 0, 255, Polarity.ANY);
    BufferedImage paper = TestImages.inverted(TestImages.blob(28, 2, 255, 0));
    assertThat(new Preprocessor(any, ClassifierOptions.defaults()).prepare(paper).get(0, 0, 0))
        .isEqualTo(255f);
  }

  @Test
  void darkOnLightModelInvertsMnistStyleImages() {
    var paperModel = new ModelCard.Input(1, 28, 28, 0, 255, Polarity.DARK_ON_LIGHT);
    PixelImage p =
        new Preprocessor(paperModel, ClassifierOptions.defaults())
            .prepare(TestImages.blob(28, 0, 255, 0));
    assertThat(p.get(0, 0, 0)).isEqualTo(255f);
  }

  @Test
  void valuesAreMappedToTheModelsRange() {
    var unit = new ModelCard.Input(1, 28, 28, 0, 1, Polarity.LIGHT_ON_DARK);
    PixelImage p =
        new Preprocessor(unit, ClassifierOptions.defaults())
            .prepare(TestImages.blob(28, 0, 255, 0));
    assertThat(p.toArray()).containsOnly(0f, 1f);
    assertThat(ValueRange.map(p, 0, 255)).isSameAs(p);
  }

  @Test
  void paddingUsesTheBackgroundAfterInversion() {
    // a wide white page with a dark mark: padded rows must be black (MNIST background), not white
    BufferedImage wide = new BufferedImage(112, 56, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 56; y++) {
      for (int x = 0; x < 112; x++) {
        wide.getRaster().setSample(x, y, 0, (x > 50 && x < 60 && y > 20 && y < 40) ? 0 : 255);
      }
    }
    PixelImage p = new Preprocessor(MNIST, ClassifierOptions.defaults()).prepare(wide);
    assertThat(p.get(0, 0, 14)).isEqualTo(0f);
    assertThat(p.get(0, 27, 14)).isEqualTo(0f);
  }

  @Test
  void centringByMassWorksOnDarkInkToo() {
    BufferedImage paper = TestImages.inverted(TestImages.blob(56, 0, 255, 0));
    PixelImage p =
        new Preprocessor(MNIST, ClassifierOptions.builder().centreByMass(true).build())
            .prepare(paper);
    // the blob moved from the top-left quadrant to the centre, light on dark
    assertThat(p.get(0, 14, 14)).isGreaterThan(200f);
    assertThat(p.get(0, 2, 2)).isEqualTo(0f);
  }

  @Test
  void rgbModelGetsThreePlanes() {
    var rgb = new ModelCard.Input(3, 28, 28, 0, 255, Polarity.ANY);
    PixelImage p =
        new Preprocessor(rgb, ClassifierOptions.defaults()).prepare(TestImages.blob(28, 3, 255, 0));
    assertThat(p.channels()).isEqualTo(3);
    assertThat(p.get(2, 20, 20)).isEqualTo(255f);
  }
}
