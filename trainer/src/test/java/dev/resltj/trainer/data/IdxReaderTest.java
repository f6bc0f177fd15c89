package dev.resltj.trainer.data;

import static dev.resltj.trainer.data.IdxFixtures.gzip;
import static dev.resltj.trainer.data.IdxFixtures.images;
import static dev.resltj.trainer.data.IdxFixtures.labels;
import static dev.resltj.trainer.data.IdxFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
  private static final List<String> DIGITS = LabeledImages.indexNames(10);

  @TempDir Path dir;

  @Test
  void readsRawImagesAndLabels() {
    Path x = write(dir.resolve("x"), images(3, 2, 4));
    Path y = write(dir.resolve("y"), labels(7, 0, 9));

    LabeledImages set = IdxReader.read(x, y, DIGITS);

    assertThat(set.size()).isEqualTo(3);
    assertThat(set.channels()).isEqualTo(1);
    assertThat(set.height()).isEqualTo(2);
    assertThat(set.width()).isEqualTo(4);
    assertThat(set.labels()).containsExactly(7, 0, 9);
    assertThat(set.pixel(2, 0, 1, 3)).isEqualTo(2 + 1 + 3);
    assertThat(set.classNames()).isEqualTo(DIGITS);
  }

  @Test
  void readsGzipDetectedByMagicBytesNotByName() {
    byte[] raw = images(5, 3, 3);
    Path gz = write(dir.resolve("images-without-gz-suffix"), gzip(raw));
    Path plain = write(dir.resolve("images.gz"), raw);

    IdxImages fromGzip = IdxReader.readImages(gz);
    IdxImages fromRaw = IdxReader.readImages(plain);

    assertThat(fromGzip.count()).isEqualTo(5);
    assertThat(fromGzip.pixels()).isEqualTo(fromRaw.pixels());
  }

  @Test
  void hashIsOfUncompressedContent() throws Exception {
    byte[] raw = labels(1, 2, 3);
    String expected =
        java.util.HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(raw));

    assertThat(IdxReader.readLabels(write(dir.resolve("l"), raw)).sha256()).isEqualTo(expected);
    assertThat(IdxReader.readLabels(write(dir.resolve("l.gz"), gzip(raw))).sha256())
        .isEqualTo(expected);
  }

  @Test
  void rejectsLabelsFileWithWrongMagic() {
    Path notLabels = write(dir.resolve("labels"), images(2, 2, 2));

    DataFileException e =
        assertThrows(DataFileException.class, () -> IdxReader.readLabels(notLabels));

    assertThat(e.getMessage())
        .contains(notLabels.toString())
        .contains("expected an IDX labels")
        .contains("0x00000803 (an IDX images");
  }

  @Test
  void rejectsUnknownMagic() {
    Path file = write(dir.resolve("junk"), "hello, this is not idx".getBytes());

    DataFileException e = assertThrows(DataFileException.class, () -> IdxReader.readImages(file));

    assertThat(e.getMessage()).contains(file.toString()).contains("found magic 0x68656C6C");
  }

  @Test
  void rejectsImageAndLabelCountsThatDiffer() {
    Path x = write(dir.resolve("x"), images(3, 2, 2));
    Path y = write(dir.resolve("y"), labels(1, 2));

    DataFileException e = assertThrows(DataFileException.class, () -> IdxReader.read(x, y, DIGITS));

    assertThat(e.getMessage())
        .contains(x.toString())
        .contains(y.toString())
        .contains("3 images")
        .contains("2 labels");
  }

  @Test
  void rejectsTruncatedRawImages() {
    byte[] full = images(4, 3, 3);
    Path file = write(dir.resolve("short"), Arrays.copyOf(full, full.length - 5));

    DataFileException e = assertThrows(DataFileException.class, () -> IdxReader.readImages(file));

    assertThat(e.getMessage())
        .contains(file.toString())
        .contains("truncated")
        .contains("4 images of 3x3")
        .contains("31 bytes follow");
  }

  @Test
  void rejectsTruncatedGzip() {
    byte[] gz = gzip(images(50, 10, 10));
    Path file = write(dir.resolve("cut.gz"), Arrays.copyOf(gz, gz.length / 2));

    DataFileException e = assertThrows(DataFileException.class, () -> IdxReader.readImages(file));

    assertThat(e.getMessage()).contains(file.toString()).contains("truncated");
  }

  @Test
  void rejectsShortDataInsideCompleteGzip() {
    byte[] full = images(4, 3, 3);
    Path file = write(dir.resolve("short.gz"), gzip(Arrays.copyOf(full, full.length - 1)));

    DataFileException e = assertThrows(DataFileException.class, () -> IdxReader.readImages(file));

    assertThat(e.getMessage()).contains("truncated").contains("35 bytes follow");
  }

  @Test
  void rejectsDataBeyondTheDeclaredSize() {
    byte[] full = images(2, 2, 2);
    Path file = write(dir.resolve("long"), Arrays.copyOf(full, full.length + 3));

    DataFileException e = assertThrows(DataFileException.class, () -> IdxReader.readImages(file));

    assertThat(e.getMessage()).contains("does not match the content");
  }

  @Test
  void rejectsAbsurdImageSide() {
    ByteBuffer b = ByteBuffer.allocate(16);
    b.putInt(IdxReader.IMAGES_MAGIC).putInt(1).putInt(100_000).putInt(28);
    Path file = write(dir.resolve("huge"), b.array());

    DataFileException e = assertThrows(DataFileException.class, () -> IdxReader.readImages(file));

    assertThat(e.getMessage()).contains("absurd dimension 100000").contains("image side");
  }

  @Test
  void rejectsZeroItemCount() {
    ByteBuffer b = ByteBuffer.allocate(8);
    b.putInt(IdxReader.LABELS_MAGIC).putInt(0);
    Path file = write(dir.resolve("empty"), b.array());

    DataFileException e = assertThrows(DataFileException.class, () -> IdxReader.readLabels(file));

    assertThat(e.getMessage()).contains("absurd dimension 0").contains("item count");
  }

  @Test
  void rejectsHeaderClaimingMoreThanAnArrayHolds() {
    ByteBuffer b = ByteBuffer.allocate(16);
    b.putInt(IdxReader.IMAGES_MAGIC).putInt(10_000_000).putInt(28).putInt(28);
    Path file = write(dir.resolve("huge"), b.array());

    DataFileException e = assertThrows(DataFileException.class, () -> IdxReader.readImages(file));

    assertThat(e.getMessage()).contains("corrupt");
  }

  @Test
  void rejectsFileTooShortForAMagicNumber() {
    Path file = write(dir.resolve("tiny"), new byte[] {0, 0});

    DataFileException e = assertThrows(DataFileException.class, () -> IdxReader.readLabels(file));

    assertThat(e.getMessage()).contains("too short");
  }

  @Test
  void rejectsLabelOutsideTheClasses() {
    Path x = write(dir.resolve("x"), images(2, 2, 2));
    Path y = write(dir.resolve("y"), labels(3, 12));

    DataFileException e = assertThrows(DataFileException.class, () -> IdxReader.read(x, y, DIGITS));

    assertThat(e.getMessage()).contains(y.toString()).contains("label 12 of item 1");
  }

  @Test
  void namesMissingFile() {
    Path missing = dir.resolve("nope");

    DataFileException e =
        assertThrows(DataFileException.class, () -> IdxReader.readImages(missing));

    assertThat(e.getMessage()).contains(missing.toString()).contains("not found");
  }
}
