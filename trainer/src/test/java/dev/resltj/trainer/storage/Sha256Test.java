package dev.resltj.trainer.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {
  // FIPS 180-2's example: SHA-256("abc")
  private static final String ABC =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  private static final byte[] ABC_BYTES = "abc".getBytes(StandardCharsets.US_ASCII);

  @TempDir Path dir;

  @Test
  void bytesStreamAndFileGiveTheSameLowerCaseHex() throws Exception {
    Path file = Files.write(dir.resolve("abc.txt"), ABC_BYTES);

    assertThat(Sha256.of(ABC_BYTES)).isEqualTo(ABC);
    assertThat(Sha256.of(new ByteArrayInputStream(ABC_BYTES))).isEqualTo(ABC);
    assertThat(Sha256.of(file)).isEqualTo(ABC);
  }

  @Test
  void digestFedInPiecesEqualsTheWholeHash() {
    var digest = Sha256.newDigest();
    digest.update(ABC_BYTES, 0, 1);
    digest.update(ABC_BYTES, 1, 2);

    assertThat(Sha256.hex(digest)).isEqualTo(ABC);
  }
}
