package dev.resltj.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.resltj.runtime.fixtures.OnnxFixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelLoadingTest {
  @TempDir Path dir;

  @Test
  void rejectsMissingFileNamingIt() {
    Path missing = dir.resolve("nope.onnx");
    ModelLoadException e =
        assertThrows(ModelLoadException.class, () -> ResltClassifier.open(missing));
    assertThat(e).hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
  }

  @Test
  void rejectsFileThatIsNotOnnx() {
    Path text = OnnxFixtures.write(dir, "text.onnx", "hello".getBytes(StandardCharsets.UTF_8));
    ModelLoadException e = assertThrows(ModelLoadException.class, () -> ResltClassifier.open(text));
    assertThat(e).hasMessageContaining("not a model ONNX Runtime can load");
  }

  @Test
  void rejectsEmptyBytesAndNullSources() {
    assertThrows(ModelLoadException.class, () -> ResltClassifier.open(new byte[0]));
    assertThrows(ModelLoadException.class, () -> ResltClassifier.open((Path) null));
    assertThrows(ModelLoadException.class, () -> ResltClassifier.open((InputStream) null));
  }

  @Test
  void reportsUnreadableStream() {
    InputStream failing =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("disk gone");
          }
        };
    ModelLoadException e =
        assertThrows(ModelLoadException.class, () -> ResltClassifier.open(failing));
    assertThat(e).hasMessageContaining("disk gone");
  }

  @Test
  void rejectsModelWhoseInputIsNotAnImage() {
    ModelLoadException e =
        assertThrows(
            ModelLoadException.class,
            () -> ResltClassifier.open(OnnxFixtures.featureVectorModel()));
    assertThat(e).hasMessageContaining("expected float32 [N, C, H, W]");
  }

  @Test
  void rejectsImageModelWithIntegerInput() {
    ModelLoadException e =
        assertThrows(
            ModelLoadException.class, () -> ResltClassifier.open(OnnxFixtures.int64ImageModel()));
    assertThat(e).hasMessageContaining("expected float32 [N, C, H, W]");
  }

  @Test
  void rejectsMalformedMetadataNamingTheKey() {
    ModelLoadException e =
        assertThrows(
            ModelLoadException.class,
            () ->
                ResltClassifier.open(
                    OnnxFixtures.quadrantsWithMetadata(OnnxContract.KEY_LABELS, "[\"a\", \"b\"")));
    assertThat(e)
        .hasMessageContaining(OnnxContract.KEY_LABELS)
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void rejectsLabelCountThatDisagreesWithTheGraph() {
    ModelLoadException e =
        assertThrows(
            ModelLoadException.class,
            () ->
                ResltClassifier.open(
                    OnnxFixtures.quadrantsWithMetadata(OnnxContract.KEY_LABELS, "[\"a\", \"b\"]")));
    assertThat(e).hasMessageContaining("2 labels but the model outputs 4 classes");
  }

  @Test
  void rejectsInputSpecThatDisagreesWithTheGraph() {
    String input =
        "{\"channels\": 3, \"height\": 28, \"width\": 28, \"polarity\": \"light_on_dark\"}";
    ModelLoadException e =
        assertThrows(
            ModelLoadException.class,
            () ->
                ResltClassifier.open(
                    OnnxFixtures.quadrantsWithMetadata(OnnxContract.KEY_INPUT, input)));
    assertThat(e).hasMessageContaining("3x28x28 but the graph input is 1x28x28");
  }

  @Test
  void rejectsUnknownPolarity() {
    String input = "{\"channels\": 1, \"height\": 28, \"width\": 28, \"polarity\": \"sideways\"}";
    ModelLoadException e =
        assertThrows(
            ModelLoadException.class,
            () ->
                ResltClassifier.open(
                    OnnxFixtures.quadrantsWithMetadata(OnnxContract.KEY_INPUT, input)));
    assertThat(e).hasMessageContaining("unknown polarity 'sideways'");
  }

  @Test
  void streamOfGarbageIsALoadError() {
    assertThrows(
        ModelLoadException.class,
        () -> ResltClassifier.open(new ByteArrayInputStream(new byte[] {1, 2, 3, 4})));
  }
}
