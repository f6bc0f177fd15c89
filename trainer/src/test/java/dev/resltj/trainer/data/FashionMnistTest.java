package dev.resltj.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {
  @Test
  void aMissingFolderSaysHowToInstallThePackage(@TempDir Path dir) {
    DataFileException e =
        assertThrows(DataFileException.class, () -> FashionMnist.loadVerified(dir));
    assertThat(e).hasMessageContaining("apt-get install dataset-fashion-mnist");
    assertThrows(DataFileException.class, () -> FashionMnist.verifyPackage(dir));
  }

  @Test
  void aFileWithOtherContentIsNamed(@TempDir Path dir) throws Exception {
    for (String name : FashionMnist.GZ_SHA256.keySet()) {
      Files.writeString(dir.resolve(name + ".gz"), "x");
    }
    DataFileException e =
        assertThrows(DataFileException.class, () -> FashionMnist.verifyPackage(dir));
    assertThat(e)
        .hasMessageContaining("train-images-idx3-ubyte.gz")
        .hasMessageContaining("SHA-256");
  }

  @Test
  void debiansPackageMatchesThePublishedHashesAndNamesTheClothes() {
    assumeTrue(
        Files.isDirectory(FashionMnist.DEBIAN_DIR), "dataset-fashion-mnist is not installed");
    assertThat(FashionMnist.verifyPackage(FashionMnist.DEBIAN_DIR)).hasSize(4);
    MnistData data = FashionMnist.loadVerified(FashionMnist.DEBIAN_DIR);
    assertThat(data.train().size()).isEqualTo(60_000);
    assertThat(data.test().size()).isEqualTo(10_000);
    assertThat(data.train().classNames()).startsWith("T-shirt/top").endsWith("Ankle boot");
  }
}
