package dev.resltj.runtime.preprocess;

import dev.resltj.runtime.InvalidInputException;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DataBufferUShort;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * Turns a {@link BufferedImage} into a {@link PixelImage} of 1 (grayscale) or 3 (RGB) channels.
 *
 * <p>Reads the raster directly for the layouts decoders produce (8- and 16-bit gray, interleaved
 * RGB/BGR with or without alpha, packed int RGB, palettes): it is several times faster than {@code
 * getRGB}, and keeps gray values as stored (Java treats gray images as linear and {@code getRGB}
 * brightens them on the way to sRGB). Transparent pixels are composited over white, the background
 * of a page. Gray from colour uses the Rec. 601 luma weights.
 */
public final class ChannelConversion {
  private ChannelConversion() {}

  /**
   * @param channels 1 for grayscale, 3 for RGB
   */
  public static PixelImage toPixels(BufferedImage image, int channels) {
    if (image == null) {
      throw new InvalidInputException("image is null: expected a BufferedImage");
    }
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
    }
    int w = image.getWidth();
    int h = image.getHeight();
    float[] out = new float[channels * h * w];
    Raster raster = image.getRaster();
    ColorModel cm = image.getColorModel();
    if (!readComponents(raster, cm, channels, out) && !readPacked(raster, cm, channels, out)) {
      readViaRgb(image, channels, out);
    }
    return new PixelImage(channels, h, w, out);
  }

  /**
   * Converts 0..255 pixels of 1 (gray), 3 (RGB) or 4 (RGBA, not premultiplied) channels to the
   * model's 1 or 3: gray is repeated into RGB, RGB becomes gray by the same luma weights as decoded
   * images, and transparency is composited over white as for decoded images.
   *
   * @throws InvalidInputException for another number of channels
   */
  public static PixelImage convert(PixelImage image, int channels) {
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
    }
    int from = image.channels();
    if (from == channels) {
      return image;
    }
    if (from != 1 && from != 3 && from != 4) {
      throw new InvalidInputException(
          "image has " + from + " channels: expected 1 (gray), 3 (RGB) or 4 (RGBA), channel-major");
    }
    int plane = image.height() * image.width();
    float[] v = image.values();
    float[] out = new float[channels * plane];
    for (int i = 0; i < plane; i++) {
      float r = v[i];
      float g = from == 1 ? r : v[plane + i];
      float b = from == 1 ? r : v[2 * plane + i];
      float a = from == 4 ? v[3 * plane + i] : 255f;
      store(out, i, plane, channels, r, g, b, a);
    }
    return new PixelImage(channels, image.height(), image.width(), out);
  }

  /** Byte or ushort component layouts: gray, gray+alpha, RGB, RGBA in any band order. */
  private static boolean readComponents(Raster raster, ColorModel cm, int channels, float[] out) {
    if (!(cm instanceof ComponentColorModel)
        || !(raster.getSampleModel() instanceof ComponentSampleModel sm)) {
      return false;
    }
    int type = cm.getColorSpace().getType();
    int colorBands = cm.getNumColorComponents();
    boolean gray = type == ColorSpace.TYPE_GRAY && colorBands == 1;
    boolean rgb = type == ColorSpace.TYPE_RGB && colorBands == 3 && cm.getColorSpace().isCS_sRGB();
    if (!gray && !rgb) {
      return false;
    }
    DataBuffer db = raster.getDataBuffer();
    int shift;
    if (db instanceof DataBufferByte && sm.getDataType() == DataBuffer.TYPE_BYTE) {
      shift = 0;
    } else if (db instanceof DataBufferUShort && sm.getDataType() == DataBuffer.TYPE_USHORT) {
      shift = 8;
    } else {
      return false;
    }
    if (db.getNumBanks() != 1 || cm.isAlphaPremultiplied()) {
      return false;
    }
    for (int i = 0; i < cm.getNumComponents(); i++) {
      if (cm.getComponentSize(i) != (shift == 0 ? 8 : 16)) {
        return false;
      }
    }
    byte[] bytes = db instanceof DataBufferByte b ? b.getData() : null;
    short[] shorts = db instanceof DataBufferUShort s ? s.getData() : null;
    int w = raster.getWidth();
    int h = raster.getHeight();
    int pixelStride = sm.getPixelStride();
    int scanline = sm.getScanlineStride();
    int[] bandOffsets = sm.getBandOffsets();
    int base =
        db.getOffset()
            - raster.getSampleModelTranslateY() * scanline
            - raster.getSampleModelTranslateX() * pixelStride;
    boolean alpha = cm.hasAlpha();
    int alphaOffset = alpha ? bandOffsets[colorBands] : 0;
    int plane = w * h;

    if (gray && !alpha && channels == 1 && bytes != null) {
      // The common case (MNIST-like PNGs): one byte per pixel, straight copy.
      int band = bandOffsets[0];
      for (int y = 0; y < h; y++) {
        int row = base + y * scanline + band;
        int o = y * w;
        for (int x = 0; x < w; x++) {
          out[o + x] = bytes[row + x * pixelStride] & 0xFF;
        }
      }
      return true;
    }
    for (int y = 0; y < h; y++) {
      int row = base + y * scanline;
      for (int x = 0; x < w; x++) {
        int p = row + x * pixelStride;
        float r;
        float g;
        float b;
        if (gray) {
          r = g = b = sample(bytes, shorts, p + bandOffsets[0], shift);
        } else {
          r = sample(bytes, shorts, p + bandOffsets[0], shift);
          g = sample(bytes, shorts, p + bandOffsets[1], shift);
          b = sample(bytes, shorts, p + bandOffsets[2], shift);
        }
        float a = alpha ? sample(bytes, shorts, p + alphaOffset, shift) : 255f;
        store(out, y * w + x, plane, channels, r, g, b, a);
      }
    }
    return true;
  }

  private static float sample(byte[] bytes, short[] shorts, int index, int shift) {
    return bytes != null ? bytes[index] & 0xFF : (shorts[index] & 0xFFFF) >> shift;
  }

  /** Packed int ARGB/RGB (TYPE_INT_*) and palettes, read without going through getRGB per pixel. */
  private static boolean readPacked(Raster raster, ColorModel cm, int channels, float[] out) {
    int w = raster.getWidth();
    int h = raster.getHeight();
    int plane = w * h;
    if (cm instanceof DirectColorModel dcm
        && raster.getDataBuffer() instanceof DataBufferInt dbi
        && raster.getSampleModel() instanceof SinglePixelPackedSampleModel sm
        && dcm.getColorSpace().isCS_sRGB()
        && !dcm.isAlphaPremultiplied()
        && dcm.getRedMask() == 0xFF0000
        && dcm.getGreenMask() == 0xFF00
        && dcm.getBlueMask() == 0xFF) {
      int[] data = dbi.getData();
      int scanline = sm.getScanlineStride();
      int base =
          dbi.getOffset()
              - raster.getSampleModelTranslateY() * scanline
              - raster.getSampleModelTranslateX();
      boolean alpha = dcm.hasAlpha() && dcm.getAlphaMask() == 0xFF000000;
      for (int y = 0; y < h; y++) {
        int row = base + y * scanline;
        for (int x = 0; x < w; x++) {
          int argb = data[row + x];
          storeArgb(out, y * w + x, plane, channels, argb, alpha);
        }
      }
      return true;
    }
    if (cm instanceof IndexColorModel icm && raster.getNumBands() == 1) {
      int size = icm.getMapSize();
      int[] palette = new int[size];
      icm.getRGBs(palette);
      int[] indices = raster.getSamples(0, 0, w, h, 0, (int[]) null);
      boolean alpha = icm.hasAlpha();
      for (int i = 0; i < plane; i++) {
        int index = indices[i];
        int argb = index < size ? palette[index] : 0xFF000000;
        storeArgb(out, i, plane, channels, argb, alpha);
      }
      return true;
    }
    return false;
  }

  private static void readViaRgb(BufferedImage image, int channels, float[] out) {
    int w = image.getWidth();
    int h = image.getHeight();
    int plane = w * h;
    int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
    boolean alpha = image.getColorModel().hasAlpha();
    for (int i = 0; i < plane; i++) {
      storeArgb(out, i, plane, channels, argb[i], alpha);
    }
  }

  private static void storeArgb(
      float[] out, int i, int plane, int channels, int argb, boolean alpha) {
    float a = alpha ? (argb >>> 24) : 255f;
    store(out, i, plane, channels, (argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF, a);
  }

  private static void store(
      float[] out, int i, int plane, int channels, float r, float g, float b, float a) {
    if (a < 255f) {
      // over white: the background of a page, and what a browser shows behind a transparent PNG
      float t = a / 255f;
      r = r * t + 255f * (1 - t);
      g = g * t + 255f * (1 - t);
      b = b * t + 255f * (1 - t);
    }
    if (channels == 1) {
      out[i] = r == g && g == b ? r : 0.299f * r + 0.587f * g + 0.114f * b;
    } else {
      out[i] = r;
      out[plane + i] = g;
      out[2 * plane + i] = b;
    }
  }
}
