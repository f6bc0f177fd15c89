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
 * invert if its polarity is opposite to the model's, fit into the model's frame (by centre of mass
 * when asked, else by aspect-preserving resize and padding), and map 0..255 to the model's value
 * range. Immutable and thread-safe.
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
    PixelImage pixels = ChannelConversion.toPixels(image, input.channels());
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
