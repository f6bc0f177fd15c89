package dev.resltj.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.resltj.runtime.fixtures.OnnxFixtures;
import dev.resltj.runtime.fixtures.TestImages;
import dev.resltj.runtime.preprocess.PixelImage;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A 3-channel photo model of a size other than MNIST's (24 rows, 40 columns) through the public
 * API: JPEG and PNG photos end to end, aspect-preserving centre crop, no inversion, raw pixels.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhotoModelTest {
  static final int HEIGHT = 24;
  static final int WIDTH = 40;
  static final ModelCard.Input PHOTO =
      new ModelCard.Input(
          3,
          HEIGHT,
          WIDTH,
          0f,
          255f,
          Polarity.ANY,
          ImageKind.PHOTO,
          List.of(0.5f, 0.45f, 0.4f),
          List.of(0.25f, 0.25f, 0.25f));

  ResltClassifier photos;

  @BeforeAll
  void open() {
    photos = ResltClassifier.open(OnnxFixtures.primaryColours(PHOTO));
  }

  @AfterAll
  void close() {
    photos.close();
  }

  @Test
  void redGreenAndBlueJpegPhotosAreTheirColours() {
    Color[] colours = {new Color(220, 30, 40), new Color(20, 200, 60), new Color(30, 50, 210)};
    for (int k = 0; k < 3; k++) {
      byte[] jpeg = TestImages.encodeJpeg(filled(300, 200, colours[k]), 0.85f);

      Prediction p = photos.classify(jpeg);

      assertThat(p.label()).isEqualTo(OnnxFixtures.COLOUR_LABELS.get(k));
      assertThat(p.probability()).isGreaterThan(0.99f);
    }
  }

  @Test
  void theCardSaysPhotoWithItsSizeNormalisationAndDataset() {
    ModelCard card = photos.modelCard();
    assertThat(card.input()).isEqualTo(PHOTO);
    assertThat(card.dataset()).hasValue("primary-colours");
    assertThat(photos.imageSize()).isEqualTo(3 * HEIGHT * WIDTH);
  }

  @Test
  void aWidePhotoIsCentreCroppedToTheModelsAspectNotPaddedOrStretched() {
    // 120 x 24: blue | red | green in equal thirds. The model is 40 wide and 24 high, so only
    // the middle 40 columns fit; padding or stretching would show blue and green too.
    BufferedImage wide = new BufferedImage(120, 24, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = wide.createGraphics();
    g.setColor(Color.BLUE);
    g.fillRect(0, 0, 40, 24);
    g.setColor(Color.RED);
    g.fillRect(40, 0, 40, 24);
    g.setColor(Color.GREEN);
    g.fillRect(80, 0, 40, 24);
    g.dispose();

    float[] input = photos.prepare(TestImages.encode(wide, "png"));

    assertPlanes(input, 255f, 0f, 0f);
    assertThat(photos.classify(wide).label()).isEqualTo("red");
  }

  @Test
  void aTallPhotoKeepsItsMiddleRowsScaledToTheModelsWidth() {
    // 20 x 60 (columns x rows): 15 rows green, 30 rows red, 15 rows blue. Scaled by 2 to fill
    // 40 columns it is 120 rows high, and the middle 24 of them are all red.
    BufferedImage tall = new BufferedImage(20, 60, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = tall.createGraphics();
    g.setColor(Color.GREEN);
    g.fillRect(0, 0, 20, 15);
    g.setColor(Color.RED);
    g.fillRect(0, 15, 20, 30);
    g.setColor(Color.BLUE);
    g.fillRect(0, 45, 20, 15);
    g.dispose();

    assertPlanes(photos.prepare(tall), 255f, 0f, 0f);
  }

  @Test
  void aPhotoIsNeverInvertedNorCentredByMassWhateverTheModelsPolarity() {
    // A light frame around a dark centre looks like dark ink on paper: a drawing model of light
    // ink would invert it. A photo model whose metadata claims light_on_dark must not.
    ModelCard.Input claimsPolarity =
        new ModelCard.Input(
            3,
            HEIGHT,
            WIDTH,
            0f,
            255f,
            Polarity.LIGHT_ON_DARK,
            ImageKind.PHOTO,
            List.of(),
            List.of());
    ClassifierOptions eager =
        ClassifierOptions.builder().autoInvert(true).centreByMass(true).build();
    BufferedImage framed = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = framed.createGraphics();
    g.setColor(new Color(240, 240, 240));
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.setColor(new Color(20, 20, 200));
    g.fillRect(10, 6, 12, 8);
    g.dispose();
    float[] expected = PixelImage.of(3, HEIGHT, WIDTH, raw(framed)).toArray();

    try (ResltClassifier photo =
            ResltClassifier.open(OnnxFixtures.primaryColours(claimsPolarity), eager);
        ResltClassifier drawing =
            ResltClassifier.open(
                OnnxFixtures.primaryColours(
                    new ModelCard.Input(3, HEIGHT, WIDTH, 0f, 255f, Polarity.LIGHT_ON_DARK)),
                eager)) {
      assertThat(photo.prepare(framed)).containsExactly(expected);
      assertThat(drawing.prepare(framed))
          .as("the same image for a drawing model is inverted (and centred)")
          .isNotEqualTo(expected);
      assertThat(drawing.prepare(framed)[0]).isLessThan(20f);
    }
  }

  @Test
  void rawRgbPixelsOfAnySizeAreConvertedAndCroppedLikeADecodedPhoto() {
    int h = 30;
    int w = 30;
    float[] greenish = new float[3 * h * w];
    Arrays.fill(greenish, 0, h * w, 40f);
    Arrays.fill(greenish, h * w, 2 * h * w, 230f);
    Arrays.fill(greenish, 2 * h * w, 3 * h * w, 70f);

    Prediction p = photos.classify(PixelImage.of(3, h, w, greenish));

    assertThat(p.label()).isEqualTo("green");
    assertPlanes(photos.prepare(PixelImage.of(3, h, w, greenish)), 40f, 230f, 70f);
  }

  @Test
  void rawRgbaPixelsAreCompositedOverWhiteAndGrayPixelsRepeatedIntoRgb() {
    int h = 10;
    int w = 16;
    float[] rgba = new float[4 * h * w];
    Arrays.fill(rgba, 2 * h * w, 3 * h * w, 255f); // pure blue
    Arrays.fill(rgba, 3 * h * w, 4 * h * w, 255f * 0.5f); // half transparent
    assertPlanes(photos.prepare(PixelImage.of(4, h, w, rgba)), 127.5f, 127.5f, 255f);

    float[] gray = new float[h * w];
    Arrays.fill(gray, 100f);
    assertPlanes(photos.prepare(PixelImage.of(1, h, w, gray)), 100f, 100f, 100f);
  }

  @Test
  void rawPixelsOutsideTheByteRangeOrWithTwoChannelsAreRefusedNamingWhere() {
    float[] bad = new float[3 * 10 * 10];
    bad[3 * 100 - 1] = 300f;
    InvalidInputException range =
        assertThrows(
            InvalidInputException.class, () -> photos.classify(PixelImage.of(3, 10, 10, bad)));
    assertThat(range.getMessage()).contains("300.0", "channel 2, row 9, column 9", "0..255");

    InvalidInputException channels =
        assertThrows(
            InvalidInputException.class,
            () -> photos.classify(PixelImage.of(2, 10, 10, new float[200])));
    assertThat(channels.getMessage()).contains("2 channels", "expected 1 (gray), 3 (RGB)");
  }

  private static void assertPlanes(float[] chw, float r, float g, float b) {
    int plane = chw.length / 3;
    float[] expected = {r, g, b};
    for (int c = 0; c < 3; c++) {
      for (int i = 0; i < plane; i++) {
        assertThat(chw[c * plane + i])
            .as("channel %d, value %d", c, i)
            .isCloseTo(expected[c], within(0.01f));
      }
    }
  }

  private static BufferedImage filled(int width, int height, Color colour) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(colour);
    g.fillRect(0, 0, width, height);
    g.dispose();
    return image;
  }

  private static float[] raw(BufferedImage image) {
    int h = image.getHeight();
    int w = image.getWidth();
    float[] out = new float[3 * h * w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int rgb = image.getRGB(x, y);
        out[y * w + x] = (rgb >> 16) & 0xFF;
        out[h * w + y * w + x] = (rgb >> 8) & 0xFF;
        out[2 * h * w + y * w + x] = rgb & 0xFF;
      }
    }
    return out;
  }
}
