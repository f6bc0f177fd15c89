package dev.resltj.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class ScoringOptionsTest {
  @Test
  void defaultsReadBinaryFileContentInBatchesOf64WithTopFive() {
    ScoringOptions options = ScoringOptions.of("m.onnx");
    assertThat(options.imageColumn()).isEqualTo("content");
    assertThat(options.batchSize()).isEqualTo(64);
    assertThat(options.topK()).isEqualTo(5);
    assertThat(options.classifierOptions().topK()).isEqualTo(5);
    assertThat(options.classifierOptions().intraOpThreads()).isEqualTo(1);
  }

  @Test
  void rejectsBatchSizeBelowOne() {
    assertThatThrownBy(() -> ScoringOptions.of("m.onnx").withBatchSize(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("batch size must be >= 1, got 0");
  }

  @Test
  void rejectsTopKBelowOne() {
    assertThatThrownBy(() -> ScoringOptions.of("m.onnx").withTopK(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("top-k must be >= 1, got 0");
  }

  @Test
  void rejectsSizeLimitBelowTheRuntimesMinimumImage() {
    assertThatThrownBy(() -> ScoringOptions.of("m.onnx").withMaxImageSide(4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maximum image side must be >= 8, got 4");
  }

  @Test
  void rejectsBlankModel() {
    assertThatThrownBy(() -> ScoringOptions.of(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("model is blank");
  }

  @Test
  void maxImageSideBecomesTheClassifiersLimitOnBothSides() {
    var options = ScoringOptions.of("m.onnx").withMaxImageSide(100).classifierOptions();
    assertThat(options.maxImageWidth()).isEqualTo(100);
    assertThat(options.maxImageHeight()).isEqualTo(100);
  }

  @Test
  void survivesJavaSerializationAsSparkShipsItToExecutors()
      throws IOException, ClassNotFoundException {
    ScoringOptions options = ScoringOptions.of("m.onnx").withBatchSize(7).withImageColumn("bytes");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(options);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isEqualTo(options);
    }
  }
}
