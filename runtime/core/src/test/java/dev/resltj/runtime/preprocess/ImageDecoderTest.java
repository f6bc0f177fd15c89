package dev.resltj.runtime.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.resltj.runtime.ImageTooLargeException;
import dev.resltj.runtime.UnsupportedImageException;
import dev.resltj.runtime.fixtures.TestImages;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageDecoderTest {
  final ImageDecoder decoder = new ImageDecoder(4096, 4096, 8);

  @Test
  void decodesGrayPngToTheStoredValues() {
    BufferedImage image = TestImages.blob(28, 1, 201, 3);
    BufferedImage decoded = decoder.decode(TestImages.encode(image, "png"));
    assertThat(decoded.getWidth()).isEqualTo(28);
    assertThat(decoded.getHeight()).isEqualTo(28);
    for (int y = 0; y < 28; y++) {
      for (int x = 0; x < 28; x++) {
        assertThat(decoded.getRaster().getSample(x, y, 0))
            .isEqualTo(image.getRaster().getSample(x, y, 0));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"png", "jpeg", "bmp", "gif"})
  void decodesEverySupportedFormat(String format) {
    BufferedImage image = TestImages.toRgb(TestImages.blob(40, 2, 255, 0));
    BufferedImage decoded = decoder.decode(TestImages.encode(image, format));
    assertThat(decoded.getWidth()).isEqualTo(40);
    assertThat(decoded.getHeight()).isEqualTo(40);
  }

  @Test
  void sniffsFormatsFromTheirSignature() {
    assertThat(ImageFormat.sniff(TestImages.encode(TestImages.blob(8, 0, 1, 0), "png")))
        .contains(ImageFormat.PNG);
    assertThat(ImageFormat.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}))
        .contains(ImageFormat.JPEG);
    assertThat(ImageFormat.sniff("GIF89a".getBytes())).contains(ImageFormat.GIF);
    assertThat(ImageFormat.sniff("BM....".getBytes())).contains(ImageFormat.BMP);
    assertThat(ImageFormat.sniff("RIFF....WEBP".getBytes())).isEmpty();
    assertThat(ImageFormat.sniff(new byte[] {(byte) 0x89})).isEmpty();
  }

  @Test
  void refusesOversizedImagesFromTheHeaderAlone() {
    ImageDecoder small = new ImageDecoder(100, 50, 8);
    byte[] wide = TestImages.encode(TestImages.blob(101, 0, 1, 0), "png");
    ImageTooLargeException e = assertThrows(ImageTooLargeException.class, () -> small.decode(wide));
    assertThat(e.width()).isEqualTo(101);
    assertThat(e.height()).isEqualTo(101);
    byte[] bomb = TestImages.pngDeclaring(50_000, 50_000);
    assertThrows(ImageTooLargeException.class, () -> decoder.decode(bomb));
  }

  @Test
  void refusesImagesBelowTheMinimumSide() {
    byte[] tiny = TestImages.encode(TestImages.blob(7, 0, 1, 0), "png");
    UnsupportedImageException e =
        assertThrows(UnsupportedImageException.class, () -> decoder.decode(tiny));
    assertThat(e).hasMessageContaining("7x7").hasMessageContaining("at least 8x8");
    assertThat(new ImageDecoder(4096, 4096, 1).decode(tiny).getWidth()).isEqualTo(7);
  }

  @Test
  void refusesCorruptPixelData() {
    byte[] png = TestImages.encode(TestImages.blob(64, 0, 255, 0), "png");
    for (int i = 60; i < png.length - 20; i++) {
      png[i] = (byte) (png[i] ^ 0x5A); // scramble the compressed pixel data
    }
    assertThrows(UnsupportedImageException.class, () -> decoder.decode(png));
  }
}
