package dev.resltj.runtime.preprocess;

import dev.resltj.runtime.ImageTooLargeException;
import dev.resltj.runtime.InvalidInputException;
import dev.resltj.runtime.UnsupportedImageException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;

/**
 * Decodes PNG, JPEG, BMP and GIF bytes with ImageIO, refusing oversized images from their header
 * before any pixel is decoded (a 100-byte PNG can declare 50,000 x 50,000 pixels: 10 GB once
 * decoded). Thread-safe: each call creates its own reader.
 */
public final class ImageDecoder {
  private final int maxWidth;
  private final int maxHeight;
  private final int minSide;
  // Reader providers found once: the service-registry lookup costs more than decoding a small PNG.
  private final Map<ImageFormat, ImageReaderSpi> providers;

  /**
   * @param maxWidth widest image accepted
   * @param maxHeight tallest image accepted
   * @param minSide images narrower or shorter than this are refused as unclassifiable
   */
  public ImageDecoder(int maxWidth, int maxHeight, int minSide) {
    if (maxWidth < 1 || maxHeight < 1 || minSide < 1) {
      throw new IllegalArgumentException(
          "image limits must be positive: max " + maxWidth + "x" + maxHeight + ", min " + minSide);
    }
    this.maxWidth = maxWidth;
    this.maxHeight = maxHeight;
    this.minSide = minSide;
    this.providers = new EnumMap<>(ImageFormat.class);
    for (ImageFormat format : ImageFormat.values()) {
      Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
      if (readers.hasNext()) {
        ImageReader reader = readers.next();
        providers.put(format, reader.getOriginatingProvider());
        reader.dispose();
      }
    }
  }

  /**
   * Decodes one image.
   *
   * @throws InvalidInputException when {@code bytes} is null
   * @throws UnsupportedImageException when the bytes are empty, not a supported format, corrupt or
   *     truncated, or the image is smaller than the minimum side
   * @throws ImageTooLargeException when the header declares more than the maximum size
   */
  public BufferedImage decode(byte[] bytes) {
    if (bytes == null) {
      throw new InvalidInputException(
          "image bytes are null: expected a PNG, JPEG, BMP or GIF file");
    }
    if (bytes.length == 0) {
      throw new UnsupportedImageException(
          "image is empty (0 bytes): expected a PNG, JPEG, BMP or GIF file");
    }
    ImageFormat format =
        ImageFormat.sniff(bytes)
            .orElseThrow(
                () ->
                    new UnsupportedImageException(
                        "not a PNG, JPEG, BMP or GIF image: the "
                            + bytes.length
                            + " bytes start with "
                            + hexPrefix(bytes)));
    ImageReaderSpi provider = providers.get(format);
    if (provider == null) {
      throw new UnsupportedImageException("this JVM has no ImageIO reader for " + format);
    }
    ImageReader reader;
    try {
      reader = provider.createReaderInstance();
    } catch (IOException e) {
      throw new UnsupportedImageException("cannot create a " + format + " reader", e);
    }
    List<String> warnings = new ArrayList<>();
    reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
    try (ByteArrayImageInputStream stream = new ByteArrayImageInputStream(bytes)) {
      reader.setInput(stream, true, true);
      int width;
      int height;
      try {
        width = reader.getWidth(0);
        height = reader.getHeight(0);
      } catch (IOException | RuntimeException e) {
        throw new UnsupportedImageException(
            "corrupt " + format + " image: cannot read its header (" + e.getMessage() + ")", e);
      }
      if (width > maxWidth || height > maxHeight) {
        throw new ImageTooLargeException(width, height, maxWidth, maxHeight);
      }
      if (width < minSide || height < minSide) {
        throw new UnsupportedImageException(
            "image is "
                + width
                + "x"
                + height
                + " pixels: expected at least "
                + minSide
                + "x"
                + minSide
                + " (ClassifierOptions.minImageSize)");
      }
      BufferedImage image;
      try {
        image = reader.read(0);
      } catch (IOException | RuntimeException e) {
        // ImageIO throws unchecked exceptions too (IndexOutOfBounds, IllegalArgument) on bad data.
        throw new UnsupportedImageException(
            "corrupt or truncated " + format + " image: " + e.getMessage(), e);
      }
      for (String warning : warnings) {
        // The JPEG reader fills a truncated image with grey and only warns: refuse it. Other
        // warnings (stray bytes between markers, common in camera files) leave a usable image.
        if (warning.toLowerCase(Locale.ROOT).contains("premature end")) {
          throw new UnsupportedImageException(
              "corrupt or truncated " + format + " image: " + warning);
        }
      }
      return image;
    } catch (IOException e) {
      throw new UnsupportedImageException("cannot read " + format + " image: " + e.getMessage(), e);
    } finally {
      reader.dispose();
    }
  }

  private static String hexPrefix(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(8, bytes.length); i++) {
      sb.append(String.format("%02x ", bytes[i] & 0xFF));
    }
    return sb.toString().trim();
  }
}
