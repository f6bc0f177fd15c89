package dev.resltj.trainer.data;

import static dev.resltj.trainer.data.IdxFixtures.gzip;
import static dev.resltj.trainer.data.IdxFixtures.images;
import static dev.resltj.trainer.data.IdxFixtures.labels;
import static dev.resltj.trainer.data.IdxFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistFilesTest {
  @TempDir Path dir;

  @Test
  void loadsTheFourFilesRawOrGzip() {
    write(dir.resolve(MnistFiles.TRAIN_IMAGES), images(3, 28, 28));
    write(dir.resolve(MnistFiles.TRAIN_LABELS + ".gz"), gzip(labels(1, 2, 3)));
    write(dir.resolve(MnistFiles.TEST_IMAGES + ".gz"), gzip(images(2, 28, 28)));
    write(dir.resolve(MnistFiles.TEST_LABELS), labels(9, 0));

    MnistData data = MnistFiles.locate(dir).load();

    assertThat(data.train().size()).isEqualTo(3);
    assertThat(data.test().labels()).containsExactly(9, 0);
    assertThat(data.train().classNames())
        .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    assertThat(data.files()).hasSize(4);
    assertThat(data.files().get(1).path()).endsWith("train-labels-idx1-ubyte.gz");
  }

  @Test
  void prefersRawFileOverGzip() {
    write(dir.resolve(MnistFiles.TRAIN_LABELS), labels(1));
    write(dir.resolve(MnistFiles.TRAIN_LABELS + ".gz"), gzip(labels(2)));

    assertThat(MnistFiles.find(dir, MnistFiles.TRAIN_LABELS))
        .isEqualTo(dir.resolve(MnistFiles.TRAIN_LABELS));
  }

  @Test
  void missingFilesAreNamedWithHowToProvideThem() {
    write(dir.resolve(MnistFiles.TRAIN_IMAGES), images(1, 2, 2));

    DataFileException e = assertThrows(DataFileException.class, () -> MnistFiles.locate(dir));

    assertThat(e.getMessage())
        .contains("train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte")
        .doesNotContain("missing train-images")
        .contains("reslt-train data fetch mnist --data-dir " + dir)
        .contains("by hand");
    assertThat(MnistFiles.present(dir)).isFalse();
  }

  @Test
  void verificationRejectsFilesThatAreNotMnist() {
    write(dir.resolve(MnistFiles.TRAIN_IMAGES), images(1, 28, 28));
    write(dir.resolve(MnistFiles.TRAIN_LABELS), labels(1));
    write(dir.resolve(MnistFiles.TEST_IMAGES), images(1, 28, 28));
    write(dir.resolve(MnistFiles.TEST_LABELS), labels(1));

    DataFileException e =
        assertThrows(DataFileException.class, () -> MnistFiles.locate(dir).loadVerified());

    assertThat(e.getMessage())
        .contains(dir.resolve(MnistFiles.TRAIN_IMAGES).toString())
        .contains("ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db");
  }
}
