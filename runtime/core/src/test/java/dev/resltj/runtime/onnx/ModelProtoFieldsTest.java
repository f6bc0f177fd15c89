package dev.resltj.runtime.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resltj.runtime.fixtures.OnnxFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelProtoFieldsTest {
  @Test
  void readsProducerVersionFromBytesAndFiles(@TempDir Path dir) {
    byte[] model = OnnxFixtures.mnistSizedCnn(1);
    assertThat(ModelProtoFields.producerVersion(model)).contains("test");
    Path file = OnnxFixtures.write(dir, "m.onnx", model);
    assertThat(ModelProtoFields.producerVersion(file)).contains("test");
  }

  @Test
  void givesUpQuietlyOnGarbageAndTruncation(@TempDir Path dir) {
    assertThat(ModelProtoFields.producerVersion("not a model".getBytes(StandardCharsets.UTF_8)))
        .isEmpty();
    assertThat(ModelProtoFields.producerVersion(new byte[0])).isEmpty();
    byte[] model = OnnxFixtures.quadrantsPlain();
    assertThat(ModelProtoFields.producerVersion(Arrays.copyOf(model, 20))).isEmpty();
    assertThat(ModelProtoFields.producerVersion(dir.resolve("missing.onnx"))).isEmpty();
  }
}
