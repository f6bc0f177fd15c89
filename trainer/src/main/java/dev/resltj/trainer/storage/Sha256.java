package dev.resltj.trainer.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as lower-case hex: the one way the trainer names content (data files, checkpoints,
 * models).
 */
public final class Sha256 {
  private Sha256() {}

  /** A fresh digest, for hashing bytes while they are read or written for another purpose. */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The finished {@code digest} as lower-case hex. */
  public static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }

  public static String of(byte[] bytes) {
    MessageDigest digest = newDigest();
    digest.update(bytes);
    return hex(digest);
  }

  /** Of everything {@code in} yields; the caller closes it. */
  public static String of(InputStream in) throws IOException {
    MessageDigest digest = newDigest();
    new DigestInputStream(in, digest).transferTo(OutputStream.nullOutputStream());
    return hex(digest);
  }

  public static String of(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return of(in);
    }
  }
}
