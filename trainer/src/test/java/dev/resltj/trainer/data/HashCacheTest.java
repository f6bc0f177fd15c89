package dev.resltj.trainer.data;

import static dev.resltj.trainer.data.IdxFixtures.images;
import static dev.resltj.trainer.data.IdxFixtures.labels;
import static dev.resltj.trainer.data.IdxFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.resltj.trainer.provenance.DataFileHash;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashCacheTest {
  private static final String FAKE = "f".repeat(64);

  @TempDir Path dir;

  @Test
  void secondLoadTakesHashFromTheCache() throws Exception {
    writeSet();
    String real = MnistFiles.locate(dir).load().files().get(0).sha256();
    Path cache = dir.resolve(HashCache.FILE_NAME);
    Files.writeString(cache, Files.readString(cache).replace(real, FAKE));

    DataFileHash again = MnistFiles.locate(dir).load().files().get(0);

    assertThat(again.sha256()).isEqualTo(FAKE);
  }

  @Test
  void changedFileIsHashedAgain() throws Exception {
    writeSet();
    Path trainImages = dir.resolve(MnistFiles.TRAIN_IMAGES);
    String first = MnistFiles.locate(dir).load().files().get(0).sha256();
    Path cache = dir.resolve(HashCache.FILE_NAME);
    Files.writeString(cache, Files.readString(cache).replace(first, FAKE));
    Files.setLastModifiedTime(trainImages, FileTime.fromMillis(1_000_000));

    String again = MnistFiles.locate(dir).load().files().get(0).sha256();

    assertThat(again).isEqualTo(first);
  }

  @Test
  void damagedCacheIsIgnored() throws Exception {
    writeSet();
    String first = MnistFiles.locate(dir).load().files().get(0).sha256();
    Files.writeString(dir.resolve(HashCache.FILE_NAME), "{ not json");

    assertThat(MnistFiles.locate(dir).load().files().get(0).sha256()).isEqualTo(first);
    assertThat(Files.readString(dir.resolve(HashCache.FILE_NAME))).contains(first);
  }

  private void writeSet() {
    write(dir.resolve(MnistFiles.TRAIN_IMAGES), images(3, 28, 28));
    write(dir.resolve(MnistFiles.TRAIN_LABELS), labels(1, 2, 3));
    write(dir.resolve(MnistFiles.TEST_IMAGES), images(1, 28, 28));
    write(dir.resolve(MnistFiles.TEST_LABELS), labels(4));
  }
}
