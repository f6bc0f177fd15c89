package dev.resltj.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.resltj.runtime.fixtures.OnnxFixtures;
import dev.resltj.runtime.fixtures.TestImages;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The malformed-input corpus: every case is a typed exception with a helpful message. */
class MalformedInputTest {
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

  @Test
  void emptyBytesAreUnsupportedImage() {
    UnsupportedImageException e =
        assertThrows(UnsupportedImageException.class, () -> classifier.classify(new byte[0]));
    assertThat(e).hasMessageContaining("empty").hasMessageContaining("PNG, JPEG, BMP or GIF");
  }

  @Test
  void textIsUnsupportedImage() {
    byte[] text = "this is not an image".getBytes(StandardCharsets.UTF_8);
    UnsupportedImageException e =
        assertThrows(UnsupportedImageException.class, () -> classifier.classify(text));
    assertThat(e).hasMessageContaining("not a PNG, JPEG, BMP or GIF image");
  }

  @Test
  void truncatedPngIsUnsupportedImage() {
    byte[] png = TestImages.encode(TestImages.blob(28, 0, 255, 0), "png");
    byte[] truncated = Arrays.copyOf(png, png.length / 2);
    UnsupportedImageException e =
        assertThrows(UnsupportedImageException.class, () -> classifier.classify(truncated));
    assertThat(e).hasMessageContaining("PNG");
  }

  @Test
  void truncatedJpegIsUnsupportedImageNotGreyFilled() {
    byte[] jpeg = TestImages.encode(TestImages.toRgb(TestImages.blob(64, 0, 255, 0)), "jpeg");
    // cut in the pixel data: ImageIO would only warn and fill the rest with grey
    byte[] cutInData = Arrays.copyOf(jpeg, jpeg.length * 9 / 10);
    UnsupportedImageException e =
        assertThrows(UnsupportedImageException.class, () -> classifier.classify(cutInData));
    assertThat(e).hasMessageContaining("truncated JPEG").hasMessageContaining("premature end");
    byte[] cutInHeaders = Arrays.copyOf(jpeg, jpeg.length * 2 / 3);
    assertThrows(UnsupportedImageException.class, () -> classifier.classify(cutInHeaders));
  }

  @Test
  void pngHeaderOnlyIsUnsupportedImage() {
    byte[] header = Arrays.copyOf(TestImages.pngDeclaring(28, 28), 8);
    assertThrows(UnsupportedImageException.class, () -> classifier.classify(header));
  }

  @Test
  void onePixelImageIsTooSmall() {
    BufferedImage one = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
    UnsupportedImageException e =
        assertThrows(
            UnsupportedImageException.class,
            () -> classifier.classify(TestImages.encode(one, "png")));
    assertThat(e).hasMessageContaining("1x1").hasMessageContaining("at least 8x8");
  }

  @Test
  void hugeHeaderIsRefusedBeforeDecoding() {
    byte[] bomb = TestImages.pngDeclaring(50_000, 50_000);
    ImageTooLargeException e =
        assertThrows(ImageTooLargeException.class, () -> classifier.classify(bomb));
    assertThat(e.width()).isEqualTo(50_000);
    assertThat(e).hasMessageContaining("50000x50000").hasMessageContaining("4096x4096");
  }

  @Test
  void imageLimitIsConfigurable() {
    try (ResltClassifier small =
        ResltClassifier.open(
            dir.resolve("q.onnx"), ClassifierOptions.builder().maxImageSize(32, 32).build())) {
      byte[] png = TestImages.encode(TestImages.blob(64, 0, 255, 0), "png");
      assertThrows(ImageTooLargeException.class, () -> small.classify(png));
      assertThat(
              small
                  .classify(TestImages.encode(TestImages.blob(32, 1, 255, 0), "png"))
                  .best()
                  .index())
          .isEqualTo(1);
    }
  }

  @Test
  void batchErrorsSayWhichImageAndKeepTheirType() {
    byte[] good = TestImages.encode(TestImages.blob(28, 0, 255, 0), "png");
    byte[] bomb = TestImages.pngDeclaring(50_000, 50_000);
    ImageTooLargeException tooLarge =
        assertThrows(
            ImageTooLargeException.class,
            () -> classifier.classifyAllEncoded(List.of(good, good, bomb)));
    assertThat(tooLarge).hasMessageStartingWith("image 2 of 3: image is 50000x50000");
    assertThat(tooLarge.width()).isEqualTo(50_000);
    UnsupportedImageException text =
        assertThrows(
            UnsupportedImageException.class,
            () ->
                classifier.classifyAllEncoded(
                    List.of("text".getBytes(StandardCharsets.UTF_8), good)));
    assertThat(text).hasMessageStartingWith("image 0 of 2: not a PNG");
  }

  @Test
  void decodedImagesObeyTheSameSizeLimits() {
    BufferedImage one = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
    assertThrows(UnsupportedImageException.class, () -> classifier.classify(one));
    try (ResltClassifier small =
        ResltClassifier.open(
            dir.resolve("q.onnx"), ClassifierOptions.builder().maxImageSize(32, 32).build())) {
      BufferedImage big = new BufferedImage(33, 20, BufferedImage.TYPE_BYTE_GRAY);
      assertThrows(ImageTooLargeException.class, () -> small.classify(big));
      assertThrows(ImageTooLargeException.class, () -> small.classifyAll(List.of(big)));
    }
  }

  @Test
  void wrongTensorLengthSaysWhatWasExpected() {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> classifier.classify(new float[100]));
    assertThat(e)
        .hasMessageContaining("100 values")
        .hasMessageContaining("expected 784")
        .hasMessageContaining("[1, 1, 28, 28]");
    assertThrows(InvalidInputException.class, () -> classifier.classifyAll(new float[784], 2));
    assertThrows(InvalidInputException.class, () -> classifier.classifyAll(new float[784], 0));
  }

  @Test
  void nanPixelIsInvalidInputNamingItsPosition() {
    float[] pixels = TestImages.blobPixels(0);
    pixels[28 * 3 + 5] = Float.NaN;
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> classifier.classify(pixels));
    assertThat(e).hasMessageContaining("NaN").hasMessageContaining("row 3, column 5");
  }

  @Test
  void infinitePixelIsInvalidInput() {
    float[] batch = new float[2 * 784];
    batch[784 + 10] = Float.NEGATIVE_INFINITY;
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> classifier.classifyAll(batch, 2));
    assertThat(e).hasMessageContaining("image 1");
  }

  @Test
  void nullInputsAreInvalidInputNotNullPointer() {
    assertThrows(InvalidInputException.class, () -> classifier.classify((float[]) null));
    assertThrows(InvalidInputException.class, () -> classifier.classify((byte[]) null));
    assertThrows(InvalidInputException.class, () -> classifier.classify((BufferedImage) null));
    assertThrows(InvalidInputException.class, () -> classifier.classify((Path) null));
    assertThrows(InvalidInputException.class, () -> classifier.classifyAll(List.of()));
    assertThrows(InvalidInputException.class, () -> classifier.classifyAllEncoded(null));
    assertThrows(
        InvalidInputException.class,
        () -> classifier.classifyAllEncoded(Arrays.asList(new byte[1], null)));
  }

  @Test
  void missingImageFileIsInvalidInput() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class, () -> classifier.classify(dir.resolve("none.png")));
    assertThat(e).hasMessageContaining("none.png");
  }
}
