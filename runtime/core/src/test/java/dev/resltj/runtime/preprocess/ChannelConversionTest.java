package dev.resltj.runtime.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import org.junit.jupiter.api.Test;

class ChannelConversionTest {
  @Test
  void grayBytesAreCopiedAsStored() {
    BufferedImage image = new BufferedImage(5, 3, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 3; y++) {
      for (int x = 0; x < 5; x++) {
        image.getRaster().setSample(x, y, 0, y * 50 + x * 10);
      }
    }
    PixelImage p = ChannelConversion.toPixels(image, 1);
    assertThat(p.channels()).isEqualTo(1);
    assertThat(p.get(0, 2, 4)).isEqualTo(140f);
    assertThat(p.get(0, 1, 0)).isEqualTo(50f);
  }

  @Test
  void subimagesAreReadFromTheirOwnOrigin() {
    BufferedImage image = new BufferedImage(10, 10, BufferedImage.TYPE_BYTE_GRAY);
    image.getRaster().setSample(6, 7, 0, 99);
    BufferedImage sub = image.getSubimage(5, 5, 4, 4);
    PixelImage p = ChannelConversion.toPixels(sub, 1);
    assertThat(p.get(0, 2, 1)).isEqualTo(99f);
    assertThat(p.height()).isEqualTo(4);
  }

  @Test
  void sixteenBitGrayIsScaledToEightBits() {
    BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_USHORT_GRAY);
    image.getRaster().setSample(3, 4, 0, 0xFFFF);
    image.getRaster().setSample(4, 4, 0, 0x8000);
    PixelImage p = ChannelConversion.toPixels(image, 1);
    assertThat(p.get(0, 4, 3)).isEqualTo(255f);
    assertThat(p.get(0, 4, 4)).isEqualTo(128f);
  }

  @Test
  void colourBecomesGrayByLuma() {
    for (int type :
        new int[] {
          BufferedImage.TYPE_INT_RGB,
          BufferedImage.TYPE_3BYTE_BGR,
          BufferedImage.TYPE_INT_ARGB,
          BufferedImage.TYPE_4BYTE_ABGR
        }) {
      BufferedImage image = new BufferedImage(8, 8, type);
      image.setRGB(1, 2, new Color(200, 100, 50).getRGB());
      PixelImage p = ChannelConversion.toPixels(image, 1);
      assertThat(p.get(0, 2, 1))
          .isCloseTo(0.299f * 200 + 0.587f * 100 + 0.114f * 50, within(1e-3f));
    }
  }

  @Test
  void rgbModelsGetChannelPlanes() {
    BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_3BYTE_BGR);
    image.setRGB(7, 0, new Color(10, 20, 30).getRGB());
    PixelImage p = ChannelConversion.toPixels(image, 3);
    assertThat(p.channels()).isEqualTo(3);
    assertThat(new float[] {p.get(0, 0, 7), p.get(1, 0, 7), p.get(2, 0, 7)})
        .containsExactly(10f, 20f, 30f);
  }

  @Test
  void grayModelsFromGrayImagesGiveRgbPlanesOfEqualValues() {
    BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
    image.getRaster().setSample(0, 0, 0, 77);
    PixelImage p = ChannelConversion.toPixels(image, 3);
    assertThat(new float[] {p.get(0, 0, 0), p.get(1, 0, 0), p.get(2, 0, 0)})
        .containsExactly(77f, 77f, 77f);
  }

  @Test
  void transparentPixelsAreCompositedOverWhite() {
    BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB);
    image.setRGB(0, 0, 0x00000000); // fully transparent black
    image.setRGB(1, 0, 0xFF000000); // opaque black
    image.setRGB(2, 0, 0x80000000); // half-transparent black
    PixelImage p = ChannelConversion.toPixels(image, 1);
    assertThat(p.get(0, 0, 0)).isEqualTo(255f);
    assertThat(p.get(0, 0, 1)).isEqualTo(0f);
    assertThat(p.get(0, 0, 2)).isCloseTo(255f * (1 - 128 / 255f), within(1e-3f));
  }

  @Test
  void palettesAreLookedUp() {
    byte[] r = {0, (byte) 255};
    byte[] g = {0, (byte) 255};
    byte[] b = {0, (byte) 255};
    BufferedImage image =
        new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_BINARY, new IndexColorModel(1, 2, r, g, b));
    image.getRaster().setSample(4, 4, 0, 1);
    PixelImage p = ChannelConversion.toPixels(image, 1);
    assertThat(p.get(0, 4, 4)).isEqualTo(255f);
    assertThat(p.get(0, 4, 3)).isEqualTo(0f);
  }

  @Test
  void agreesWithGetRgbForColourImages() {
    BufferedImage image = new BufferedImage(9, 7, BufferedImage.TYPE_INT_BGR);
    java.util.Random random = new java.util.Random(3);
    for (int y = 0; y < 7; y++) {
      for (int x = 0; x < 9; x++) {
        image.setRGB(x, y, random.nextInt() | 0xFF000000);
      }
    }
    PixelImage p = ChannelConversion.toPixels(image, 3);
    for (int y = 0; y < 7; y++) {
      for (int x = 0; x < 9; x++) {
        int rgb = image.getRGB(x, y);
        assertThat(p.get(0, y, x)).isEqualTo((float) ((rgb >> 16) & 0xFF));
        assertThat(p.get(1, y, x)).isEqualTo((float) ((rgb >> 8) & 0xFF));
        assertThat(p.get(2, y, x)).isEqualTo((float) (rgb & 0xFF));
      }
    }
  }
}
