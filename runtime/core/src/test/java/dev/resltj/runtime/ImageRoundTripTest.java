package dev.resltj.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resltj.runtime.fixtures.OnnxFixtures;
import dev.resltj.runtime.fixtures.TestImages;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An image written in every supported way classifies as the same class. */
class ImageRoundTripTest {
  @TempDir static Path dir;
  static ResltClassifier classifier;

  @BeforeAll
  static void open() {
    classifier =
        ResltClassifier.open(
            OnnxFixtures.write(dir, "q.onnx", OnnxFixtures.quadrantsWithMetadata()));
  }

  @AfterAll
  static void close() {
    classifier.close();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3})
  void pngJpegBmpGifAndInvertedPngGiveTheSameClass(int quadrant) {
    BufferedImage image = TestImages.blob(28, quadrant, 255, 0);
    List<byte[]> encodings = new ArrayList<>();
    encodings.add(TestImages.encode(image, "png"));
    encodings.add(TestImages.encode(TestImages.toRgb(image), "jpeg"));
    encodings.add(TestImages.encode(image, "bmp"));
    encodings.add(TestImages.encode(image, "gif"));
    encodings.add(TestImages.encode(TestImages.inverted(image), "png"));
    encodings.add(TestImages.encode(TestImages.toRgb(TestImages.inverted(image)), "jpeg"));
    for (byte[] encoded : encodings) {
      assertThat(classifier.classify(encoded).best().index()).isEqualTo(quadrant);
    }
    assertThat(classifier.classifyAllEncoded(encodings))
        .allSatisfy(p -> assertThat(p.best().index()).isEqualTo(quadrant));
  }

  @Test
  void pngOfTheTensorGivesExactlyTheTensorsPrediction() {
    for (int q = 0; q < 4; q++) {
      byte[] png = TestImages.encode(TestImages.blob(28, q, 255, 0), "png");
      assertThat(classifier.classify(png)).isEqualTo(classifier.classify(TestImages.blobPixels(q)));
    }
  }

  @Test
  void largerAndNonSquareImagesAreFittedKeepingTheirAspect() {
    BufferedImage big = TestImages.blob(280, 3, 230, 20);
    assertThat(classifier.classify(big).best().index()).isEqualTo(3);
    BufferedImage wide = new BufferedImage(120, 60, BufferedImage.TYPE_BYTE_GRAY);
    // a bright bar in the right half of the bottom half of a wide image: bottom-right
    for (int y = 40; y < 55; y++) {
      for (int x = 80; x < 110; x++) {
        wide.getRaster().setSample(x, y, 0, 255);
      }
    }
    assertThat(classifier.classify(wide).best().index()).isEqualTo(3);
  }

  @Test
  void batchOfDecodedImagesMatchesSingleCalls() {
    List<BufferedImage> images = new ArrayList<>();
    List<Prediction> singles = new ArrayList<>();
    for (int q = 0; q < 4; q++) {
      BufferedImage image = TestImages.inverted(TestImages.blob(56, q, 255, 0));
      images.add(image);
      singles.add(classifier.classify(image));
    }
    assertThat(classifier.classifyAll(images)).isEqualTo(singles);
  }
}
