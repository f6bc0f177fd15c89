package dev.resltj.server.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resltj.server.fixtures.FixtureModels;
import dev.resltj.server.fixtures.FixtureServerTest;
import dev.resltj.server.fixtures.Http;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Triton's binary tensor data extension on {@code /v2/models/{name}/infer}. */
@MicronautTest
class BinaryTensorDataTest extends FixtureServerTest {
  private static final String INFER = "/v2/models/probe/infer";
  private static final String LENGTH = "Inference-Header-Content-Length";
  private static final JsonMapper JSON = JsonMapper.createDefault();

  BinaryTensorDataTest() {
    super(Map.of("probe.onnx", FixtureModels.probe()));
  }

  @Test
  void binaryInputGivesTheSameLogitsAsJson() throws IOException {
    float[] image = FixtureModels.probeImage(3, 200);
    String header = header(1, 3136, "[{\"name\":\"logits\"}]", "");

    Http.BinaryReply r = post(header, floats(image));

    assertEquals(200, r.status(), r.text());
    JsonNode out = JSON.readValue(r.body(), JsonNode.class).get("outputs").get(0);
    assertArrayEquals(FixtureModels.probeLogits(image), floatsOf(out.get("data")), 1e-5f);
  }

  @Test
  void binaryOutputFollowsTheJsonHeaderAsLittleEndianFloats() throws IOException {
    float[][] images = {FixtureModels.probeImage(1, 100), FixtureModels.probeImage(7, 250)};
    String header =
        header(
            2,
            2 * 3136,
            "[{\"name\":\"logits\",\"parameters\":{\"binary_data\":true}},"
                + "{\"name\":\"probabilities\"}]",
            "");

    Http.BinaryReply r = post(header, floats(images[0]), floats(images[1]));

    assertEquals(200, r.status(), r.text());
    assertEquals("application/octet-stream", r.headers().firstValue("Content-Type").orElse(""));
    int headerLength = Integer.parseInt(r.headers().firstValue(LENGTH).orElseThrow());
    JsonNode json = JSON.readValue(Arrays.copyOf(r.body(), headerLength), JsonNode.class);
    JsonNode logits = json.get("outputs").get(0);
    assertEquals("logits", logits.get("name").getStringValue());
    assertEquals(80, logits.get("parameters").get("binary_data_size").getLongValue());
    assertEquals(null, logits.get("data"));
    assertEquals(2, json.get("outputs").get(1).get("shape").get(0).getIntValue());
    assertTrue(json.get("outputs").get(1).get("data").isArray(), "JSON output stays JSON");
    assertEquals(headerLength + 80, r.body().length);
    float[] values = new float[20];
    ByteBuffer.wrap(r.body(), headerLength, 80)
        .order(ByteOrder.LITTLE_ENDIAN)
        .asFloatBuffer()
        .get(values);
    float[] expected = new float[20];
    System.arraycopy(FixtureModels.probeLogits(images[0]), 0, expected, 0, 10);
    System.arraycopy(FixtureModels.probeLogits(images[1]), 0, expected, 10, 10);
    assertArrayEquals(expected, values, 1e-5f);
  }

  @Test
  void binaryDataOutputParameterMakesEveryOutputBinaryAndClassificationsLengthPrefixed()
      throws IOException {
    String header =
        header(
            1,
            3136,
            "[{\"name\":\"probabilities\",\"parameters\":{\"classification\":2}}]",
            ",\"parameters\":{\"binary_data_output\":true}");

    Http.BinaryReply r = post(header, floats(FixtureModels.probeImage(4, 255)));

    assertEquals(200, r.status(), r.text());
    int headerLength = Integer.parseInt(r.headers().firstValue(LENGTH).orElseThrow());
    JsonNode out = JSON.readValue(Arrays.copyOf(r.body(), headerLength), JsonNode.class);
    assertEquals("BYTES", out.get("outputs").get(0).get("datatype").getStringValue());
    ByteBuffer tail =
        ByteBuffer.wrap(r.body(), headerLength, r.body().length - headerLength)
            .order(ByteOrder.LITTLE_ENDIAN);
    List<String> strings = new ArrayList<>();
    while (tail.hasRemaining()) {
      byte[] s = new byte[tail.getInt()];
      tail.get(s);
      strings.add(new String(s, StandardCharsets.UTF_8));
    }
    assertEquals(2, strings.size());
    assertTrue(strings.get(0).endsWith(":4:four"), strings.toString());
  }

  @Test
  void jsonOnlyRequestWithTheHeaderIsAnsweredInJson() throws IOException {
    String json = Http.inferBody("j", new float[][] {FixtureModels.probeImage(2, 255)}, null);

    Http.BinaryReply r =
        http.postBytes(
            INFER,
            "application/json",
            json.getBytes(StandardCharsets.UTF_8),
            LENGTH,
            Integer.toString(json.getBytes(StandardCharsets.UTF_8).length));

    assertEquals(200, r.status(), r.text());
    assertFalse(r.headers().firstValue(LENGTH).isPresent());
    assertEquals("j", JSON.readValue(r.body(), JsonNode.class).get("id").getStringValue());
  }

  @Test
  void headerLengthBeyondTheBodyIs400() {
    Http.BinaryReply r =
        http.postBytes(INFER, "application/octet-stream", "{}".getBytes(), LENGTH, "10");

    assertEquals(400, r.status());
    assertTrue(r.text().contains("Inference-Header-Content-Length is 10 but the body has 2 bytes"));
  }

  @Test
  void headerLengthThatIsNotANumberIs400() {
    Http.BinaryReply r =
        http.postBytes(INFER, "application/octet-stream", "{}".getBytes(), LENGTH, "ten");

    assertEquals(400, r.status());
    assertTrue(r.text().contains("Inference-Header-Content-Length is 'ten'"), r.text());
  }

  @Test
  void binarySizesThatDoNotAddUpToTheBodyAre400() {
    Http.BinaryReply r =
        post(header(1, 3136, null, ""), floats(FixtureModels.probeImage(1, 1)), new byte[4]);

    assertEquals(400, r.status());
    assertTrue(
        r.text().contains("3140 bytes after the JSON header but the inputs' binary_data_size"),
        r.text());
  }

  @Test
  void binarySizeNotAMultipleOfFourIs400() {
    Http.BinaryReply r = post(header(1, 3135, null, ""), new byte[3135]);

    assertEquals(400, r.status());
    assertTrue(
        r.text()
            .contains("inputs[0] binary data holds 3135 bytes: FP32 data is 4 bytes per value"));
  }

  @Test
  void binarySizeLargerThanWhatFollowsIs400() {
    Http.BinaryReply r = post(header(1, 3136, null, ""), new byte[100]);

    assertEquals(400, r.status());
    assertTrue(r.text().contains("binary_data_size is 3136 but only 100 bytes follow"), r.text());
  }

  @Test
  void binaryValueThatIsNotFiniteIs400() {
    float[] image = FixtureModels.probeImage(1, 1);
    image[5] = Float.NaN;

    Http.BinaryReply r = post(header(1, 3136, null, ""), floats(image));

    assertEquals(400, r.status());
    assertTrue(
        r.text().contains("inputs[0] binary data[5] is NaN: values must be finite"), r.text());
  }

  @Test
  void dataAndBinarySizeTogetherAre400() {
    String header =
        "{\"inputs\":[{\"name\":\"image\",\"datatype\":\"FP32\",\"shape\":[1,1,28,28],"
            + "\"data\":[1],\"parameters\":{\"binary_data_size\":4}}]}";

    Http.BinaryReply r = post(header, floats(new float[] {1}));

    assertEquals(400, r.status());
    assertTrue(r.text().contains("has both data and parameters.binary_data_size"), r.text());
  }

  @Test
  void binaryShapeMismatchIsReportedLikeJson() {
    Http.BinaryReply r = post(header(2, 3136, null, ""), floats(FixtureModels.probeImage(1, 1)));

    assertEquals(400, r.status());
    assertTrue(r.text().contains("inputs[0].data holds 784 values but the shape"), r.text());
  }

  private static String header(int images, int bytes, String outputs, String extra) {
    return "{\"inputs\":[{\"name\":\"image\",\"datatype\":\"FP32\",\"shape\":["
        + images
        + ",1,28,28],\"parameters\":{\"binary_data_size\":"
        + bytes
        + "}}]"
        + (outputs == null ? "" : ",\"outputs\":" + outputs)
        + extra
        + "}";
  }

  private Http.BinaryReply post(String header, byte[]... tensors) {
    byte[] json = header.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(json);
    for (byte[] t : tensors) {
      body.writeBytes(t);
    }
    return http.postBytes(
        INFER,
        "application/octet-stream",
        body.toByteArray(),
        LENGTH,
        Integer.toString(json.length));
  }

  private static byte[] floats(float[] values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      b.putFloat(v);
    }
    return b.array();
  }

  private static float[] floatsOf(JsonNode array) {
    float[] values = new float[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).getFloatValue();
    }
    return values;
  }
}
