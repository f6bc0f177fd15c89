package dev.resltj.runtime.preprocess;

import dev.resltj.runtime.ClassifierOptions;
import dev.resltj.runtime.ImageTooLargeException;
import dev.resltj.runtime.InvalidInputException;
import dev.resltj.runtime.ModelCard;
import dev.resltj.runtime.Polarity;
import dev.resltj.runtime.UnsupportedImageException;
import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * Turns an image into one model input, the steps in order: decode, convert to the model's channels,
 * then by the model's {@link dev.resltj.runtime.ImageKind}. A drawing is inverted if its polarity
 * is opposite to the model's and fitted whole into the model's frame (by centre of mass when asked,
 * else by aspect-preserving resize and padding with its background); a photo is never inverted or
 * centred, but resized so it fills the frame and centre-cropped ({@link Resizing#fill}). Last,
 * 0..255 is mapped to the model's value range. Immutable and thread-safe.
 */
public final class Preprocessor {
  private final ModelCard.Input input;
  private final boolean autoInvert;
  private final boolean centreByMass;
  private final ImageDecoder decoder;
  private final ClassifierOptions options;

  public Preprocessor(ModelCard.Input input, ClassifierOptions options) {
    this.input = Objects.requireNonNull(input, "input");
    this.autoInvert = options.autoInvert();
    this.centreByMass = options.centreByMass();
    this.options = options;
    this.decoder =
        new ImageDecoder(options.maxImageWidth(), options.maxImageHeight(), options.minImageSize());
  }

  /** The model input this preprocessor produces. */
  public ModelCard.Input input() {
    return input;
  }

  /** Applies the decoder's size limits to an image that arrives already decoded. */
  private void checkSize(int width, int height) {
    if (width > options.maxImageWidth() || height > options.maxImageHeight()) {
      throw new ImageTooLargeException(
          width, height, options.maxImageWidth(), options.maxImageHeight());
    }
    int min = options.minImageSize();
    if (width < min || height < min) {
      throw new UnsupportedImageException(
          "image is "
              + width
              + "x"
              + height
              + " pixels: expected at least "
              + min
              + "x"
              + min
              + " (ClassifierOptions.minImageSize)");
    }
  }

  /** Decodes {@code encoded} (PNG, JPEG, BMP, GIF) and prepares it; see {@link ImageDecoder}. */
  public PixelImage prepare(byte[] encoded) {
    return prepare(decoder.decode(encoded));
  }

  /** Prepares a decoded image. */
  public PixelImage prepare(BufferedImage image) {
    if (image == null) {
      throw new InvalidInputException("image is null: expected a BufferedImage");
    }
    checkSize(image.getWidth(), image.getHeight());
    return frame(ChannelConversion.toPixels(image, input.channels()));
  }

  /**
   * Prepares raw pixels of any size: values 0..255, channel-major, 1 (gray), 3 (RGB) or 4 (RGBA)
   * channels, converted to the model's channels as decoded images are.
   *
   * @throws InvalidInputException for a value outside 0..255, or another number of channels
   */
  public PixelImage prepare(PixelImage image) {
    if (image == null) {
      throw new InvalidInputException("image is null: expected a PixelImage");
    }
    checkSize(image.width(), image.height());
    float[] v = image.values();
    for (int i = 0; i < v.length; i++) {
      if (!(v[i] >= 0f && v[i] <= 255f)) {
        int plane = image.height() * image.width();
        throw new InvalidInputException(
            "pixel value "
                + v[i]
                + " at channel "
                + i / plane
                + ", row "
                + (i % plane) / image.width()
                + ", column "
                + i % image.width()
                + ": expected 0..255");
      }
    }
    return frame(ChannelConversion.convert(image, input.channels()));
  }

  private PixelImage frame(PixelImage pixels) {
    if (input.isPhoto()) {
      // a photo is never inverted or centred by mass: its negative is another scene
      return ValueRange.map(
          Resizing.fill(pixels, input.height(), input.width()), input.valueMin(), input.valueMax());
    }
    Polarity target = input.polarity();
    if (autoInvert && target != Polarity.ANY && PolarityEstimation.estimate(pixels) != target) {
      pixels = Inversion.invert(pixels);
    }
    PixelImage framed;
    if (centreByMass) {
      // centring looks for light ink: flip a dark-on-light image around it
      boolean darkInk = PolarityEstimation.estimate(pixels) == Polarity.DARK_ON_LIGHT;
      PixelImage light = darkInk ? Inversion.invert(pixels) : pixels;
      PixelImage centred = MassCentring.centre(light, input.height(), input.width());
      framed = darkInk ? Inversion.invert(centred) : centred;
    } else {
      float background = PolarityEstimation.borderMean(pixels);
      framed = Resizing.fit(pixels, input.height(), input.width(), background);
    }
    return ValueRange.map(framed, input.valueMin(), input.valueMax());
  }
}
