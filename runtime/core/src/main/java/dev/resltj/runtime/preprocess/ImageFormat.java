package dev.resltj.runtime.preprocess;

import java.util.Optional;

/** The encoded image formats the runtime reads, recognised by their first bytes. */
public enum ImageFormat {
  PNG("png"),
  JPEG("jpeg"),
  BMP("bmp"),
  GIF("gif");

  private final String imageIoName;

  ImageFormat(String imageIoName) {
    this.imageIoName = imageIoName;
  }

  /** The format name ImageIO knows the reader by. */
  String imageIoName() {
    return imageIoName;
  }

  /** The format whose signature starts {@code bytes}, if any. */
  public static Optional<ImageFormat> sniff(byte[] bytes) {
    if (startsWith(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of(PNG);
    }
    if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
      return Optional.of(JPEG);
    }
    if (startsWith(bytes, 'G', 'I', 'F', '8')) {
      return Optional.of(GIF);
    }
    if (startsWith(bytes, 'B', 'M')) {
      return Optional.of(BMP);
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] bytes, int... signature) {
    if (bytes.length < signature.length) {
      return false;
    }
    for (int i = 0; i < signature.length; i++) {
      if ((bytes[i] & 0xFF) != signature[i]) {
        return false;
      }
    }
    return true;
  }
}
