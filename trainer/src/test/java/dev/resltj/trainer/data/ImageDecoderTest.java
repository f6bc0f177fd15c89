package dev.resltj.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDecoderTest {
  @TempDir Path dir;

  private static BufferedImage solid(int w, int h, int rgb) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, rgb);
      }
    }
    return img;
  }

  @Test
  void colourComesOutAsRedGreenBluePlanes() {
    byte[] p = new ImageDecoder(3, 2, 2).pixels(solid(2, 2, 0xC81E0A));
    assertThat(p).hasSize(12);
    assertThat(p[0] & 0xFF).isEqualTo(0xC8);
    assertThat(p[4] & 0xFF).isEqualTo(0x1E);
    assertThat(p[8] & 0xFF).isEqualTo(0x0A);
  }

  @Test
  void greyIsTheLuminanceOfAColourImage() {
    int white = new ImageDecoder(1, 2, 2).pixels(solid(2, 2, 0xFFFFFF))[0] & 0xFF;
    int black = new ImageDecoder(1, 2, 2).pixels(solid(2, 2, 0x000000))[0] & 0xFF;
    assertThat(white).isEqualTo(255);
    assertThat(black).isEqualTo(0);
  }

  @Test
  void aWideImageIsScaledByItsShorterSideAndCutInTheMiddle() {
    // left third red, middle third green, right third blue: the square cut keeps the green
    BufferedImage wide = new BufferedImage(30, 10, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 10; y++) {
      for (int x = 0; x < 30; x++) {
        wide.setRGB(x, y, x < 10 ? 0xFF0000 : x < 20 ? 0x00FF00 : 0x0000FF);
      }
    }
    byte[] p = new ImageDecoder(3, 5, 5).pixels(wide);
    int centre = 2 * 5 + 2;
    assertThat(p[25 + centre] & 0xFF).as("green").isGreaterThan(200);
    assertThat(p[centre] & 0xFF).as("red").isLessThan(50);
  }

  @Test
  void headerTellsSizeAndColourWithoutDecoding() throws Exception {
    Path png = dir.resolve("a.png");
    ImageIO.write(solid(7, 5, 0x123456), "png", png.toFile());
    ImageDecoder.Header h = ImageDecoder.header(png);
    assertThat(h.width()).isEqualTo(7);
    assertThat(h.height()).isEqualTo(5);
    assertThat(h.colour()).isTrue();
    BufferedImage grey = new BufferedImage(3, 3, BufferedImage.TYPE_BYTE_GRAY);
    Path g = dir.resolve("g.png");
    ImageIO.write(grey, "png", g.toFile());
    assertThat(ImageDecoder.header(g).colour()).isFalse();
  }

  @Test
  void aFileThatIsNotAnImageIsAnErrorNamingIt() throws Exception {
    Path bad = Files.writeString(dir.resolve("x.jpg"), "hello");
    DataFileException e =
        assertThrows(DataFileException.class, () -> new ImageDecoder(3, 4, 4).decode(bad));
    assertThat(e).hasMessageContaining(bad.toString());
    assertThrows(DataFileException.class, () -> ImageDecoder.header(bad));
  }
}
