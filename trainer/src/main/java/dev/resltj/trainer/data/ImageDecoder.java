package dev.resltj.trainer.data;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

/**
 * Turns an image file into the network's pixels: {@code channels} (1 grey, 3 RGB) of {@code height
 * x width}, unsigned bytes in {@code [C, H, W]} order. An image of another size is scaled so that
 * its shorter side fits and the middle is cut out (the usual ImageNet evaluation transform, which
 * never distorts the aspect ratio); transparent pixels lie on black. Stateless and thread-safe.
 */
public record ImageDecoder(int channels, int height, int width) {
  public ImageDecoder {
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
    }
    if (height < 1 || width < 1 || height > 4096 || width > 4096) {
      throw new IllegalArgumentException(
          "image size must be in 1..4096, got " + height + "x" + width);
    }
  }

  /** What a file's header says, read without decoding its pixels. */
  public record Header(int width, int height, boolean colour) {}

  /**
   * Reads the header of {@code file}.
   *
   * @throws DataFileException when the file is missing or not an image ImageIO can read
   */
  public static Header header(Path file) {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      if (in == null) {
        throw new DataFileException(file, "cannot be opened");
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new DataFileException(file, "is not a PNG, JPEG, BMP or GIF image");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int w = reader.getWidth(0);
        int h = reader.getHeight(0);
        boolean colour = true;
        Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
        if (types.hasNext()) {
          colour = types.next().getColorModel().getColorSpace().getType() != ColorSpace.TYPE_GRAY;
        }
        return new Header(w, h, colour);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof DataFileException d) {
        throw d;
      }
      throw new DataFileException(file, "is not a readable image: " + e.getMessage(), e);
    }
  }

  /**
   * Decodes {@code file} into {@code [C, H, W]} bytes.
   *
   * @throws DataFileException naming the file when it cannot be decoded
   */
  public byte[] decode(Path file) {
    BufferedImage image;
    try {
      image = ImageIO.read(file.toFile());
    } catch (IOException | RuntimeException e) {
      throw new DataFileException(file, "cannot be decoded as an image: " + e.getMessage(), e);
    }
    if (image == null) {
      throw new DataFileException(file, "is not a PNG, JPEG, BMP or GIF image");
    }
    return pixels(image);
  }

  /** {@code image} scaled, cut and converted to this decoder's shape. */
  public byte[] pixels(BufferedImage image) {
    BufferedImage target =
        new BufferedImage(
            width,
            height,
            channels == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
    BufferedImage source = shrink(image);
    double scale =
        Math.max((double) width / source.getWidth(), (double) height / source.getHeight());
    int w = (int) Math.round(source.getWidth() * scale);
    int h = (int) Math.round(source.getHeight() * scale);
    Graphics2D g = target.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setColor(java.awt.Color.BLACK);
      g.fillRect(0, 0, width, height);
      g.drawImage(source, (width - w) / 2, (height - h) / 2, w, h, null);
    } finally {
      g.dispose();
    }
    byte[] data = ((DataBufferByte) target.getRaster().getDataBuffer()).getData();
    if (channels == 1) {
      return data;
    }
    int plane = width * height;
    byte[] chw = new byte[3 * plane];
    for (int p = 0; p < plane; p++) {
      // TYPE_3BYTE_BGR stores B, G, R per pixel; the network wants planes R, G, B
      chw[p] = data[3 * p + 2];
      chw[plane + p] = data[3 * p + 1];
      chw[2 * plane + p] = data[3 * p];
    }
    return chw;
  }

  /**
   * Halves a much larger image until it is within twice the target: one bilinear step from a
   * 2000-pixel photo to 224 would read only a few source pixels per output pixel (aliasing).
   */
  private BufferedImage shrink(BufferedImage image) {
    BufferedImage current = image;
    while (current.getWidth() >= 4 * width && current.getHeight() >= 4 * height) {
      int w = current.getWidth() / 2;
      int h = current.getHeight() / 2;
      BufferedImage half = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
      Graphics2D g = half.createGraphics();
      try {
        g.setRenderingHint(
            RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(current, 0, 0, w, h, null);
      } finally {
        g.dispose();
      }
      current = half;
    }
    return current;
  }
}
