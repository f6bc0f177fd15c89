package dev.resltj.spark.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class InputGlobTest {
  @Test
  void aWildcardInTheFileNameBecomesAFolderAndAFilter() {
    assertThat(InputGlob.parse("data/digits/*.png"))
        .isEqualTo(new InputGlob("data/digits", Optional.of("*.png")));
  }

  @Test
  void aBareFileNameGlobIsReadFromTheWorkingFolder() {
    assertThat(InputGlob.parse("*.jpg")).isEqualTo(new InputGlob(".", Optional.of("*.jpg")));
  }

  @Test
  void aWildcardInAFolderIsLeftToSpark() {
    assertThat(InputGlob.parse("data/*/img-?.png"))
        .isEqualTo(new InputGlob("data/*/img-?.png", Optional.empty()));
  }

  @Test
  void aPlainFolderOrFileIsLoadedAsItIs() {
    assertThat(InputGlob.parse("s3a://bucket/images"))
        .isEqualTo(new InputGlob("s3a://bucket/images", Optional.empty()));
  }

  @Test
  void aGlobRightBelowTheRootKeepsItsSlash() {
    assertThat(InputGlob.parse("/*.png")).isEqualTo(new InputGlob("/*.png", Optional.empty()));
  }
}
