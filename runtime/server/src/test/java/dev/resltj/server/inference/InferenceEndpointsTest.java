package dev.resltj.server.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resltj.server.fixtures.FixtureModels;
import dev.resltj.server.fixtures.FixtureServerTest;
import dev.resltj.server.fixtures.Http;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest
class InferenceEndpointsTest extends FixtureServerTest {
  InferenceEndpointsTest() {
    super(Map.of("probe.onnx", FixtureModels.probe()));
  }

  @Test
  void liveAnswers200() {
    var r = http.get("/v2/health/live");
    assertEquals(200, r.status());
    assertTrue(r.json().get("live").getBooleanValue());
  }

  @Test
  void readyAnswers200OnceTheModelIsWarm() {
    var r = http.get("/v2/health/ready");
    assertEquals(200, r.status());
    assertTrue(r.json().get("ready").getBooleanValue());
  }

  @Test
  void serverMetadataNamesTheServerAndTheClassificationExtension() {
    JsonNode m = http.get("/v2").json();
    assertEquals("reslt-server", m.get("name").getStringValue());
    assertEquals("0.1.0-SNAPSHOT", m.get("version").getStringValue());
    assertEquals("classification", m.get("extensions").get(0).getStringValue());
  }

  @Test
  void modelMetadataGivesPlatformVersionsAndTensorsWithVariableBatch() {
    var r = http.get("/v2/models/probe");
    assertEquals(200, r.status());
    JsonNode m = r.json();
    assertEquals("probe", m.get("name").getStringValue());
    assertEquals("onnxruntime_onnx", m.get("platform").getStringValue());
    assertEquals("1", m.get("versions").get(0).getStringValue());
    JsonNode input = m.get("inputs").get(0);
    assertEquals("image", input.get("name").getStringValue());
    assertEquals("FP32", input.get("datatype").getStringValue());
    assertEquals(List.of(-1L, 1L, 28L, 28L), longs(input.get("shape")));
    assertEquals(2, m.get("outputs").size());
    assertEquals("logits", m.get("outputs").get(0).get("name").getStringValue());
    assertEquals(List.of(-1L, 10L), longs(m.get("outputs").get(0).get("shape")));
    assertEquals("probabilities", m.get("outputs").get(1).get("name").getStringValue());
  }

  @Test
  void modelMetadataAnswersForVersionOneAnd404ForOthers() {
    assertEquals(200, http.get("/v2/models/probe/versions/1").status());
    var r = http.get("/v2/models/probe/versions/2");
    assertEquals(404, r.status());
    assertEquals("model 'probe' has no version '2'; its only version is '1'", r.error());
  }

  @Test
  void modelReadyAnswers200() {
    var r = http.get("/v2/models/probe/ready");
    assertEquals(200, r.status());
    assertEquals("probe", r.json().get("name").getStringValue());
    assertTrue(r.json().get("ready").getBooleanValue());
    assertEquals(200, http.get("/v2/models/probe/versions/1/ready").status());
  }

  @Test
  void unknownModelIs404OnEveryModelEndpoint() {
    for (String path : List.of("/v2/models/nope", "/v2/models/nope/ready", "/v1/models/nope")) {
      var r = http.get(path);
      assertEquals(404, r.status(), path);
      assertEquals("no model named 'nope'; this server serves probe", r.error());
    }
    var infer = http.postJson("/v2/models/nope/infer", Http.inferBody(null, one(3), null));
    assertEquals(404, infer.status());
    assertEquals("no model named 'nope'; this server serves probe", infer.error());
  }

  @Test
  void inferReturnsAllOutputsWithExactValuesForFlatData() {
    float[] image = FixtureModels.probeImage(7, 200);
    image[FixtureModels.probeIndex(2)] = 40;

    var r =
        http.postJson("/v2/models/probe/infer", Http.inferBody(null, new float[][] {image}, null));

    assertEquals(200, r.status(), r.body());
    JsonNode body = r.json();
    assertEquals("probe", body.get("model_name").getStringValue());
    assertEquals("1", body.get("model_version").getStringValue());
    assertEquals(null, body.get("id"));
    JsonNode logits = body.get("outputs").get(0);
    assertEquals("logits", logits.get("name").getStringValue());
    assertEquals("FP32", logits.get("datatype").getStringValue());
    assertEquals(List.of(1L, 10L), longs(logits.get("shape")));
    assertArrayEquals(FixtureModels.probeLogits(image), floats(logits.get("data")));
    JsonNode probabilities = body.get("outputs").get(1);
    assertEquals("probabilities", probabilities.get("name").getStringValue());
    float[] p = floats(probabilities.get("data"));
    assertEquals(1.0, sum(p), 1e-5);
    assertEquals(7, argmax(p));
  }

  @Test
  void inferAcceptsDataNestedAsTheShape() {
    float[] image = FixtureModels.probeImage(4, 255);
    StringBuilder rows = new StringBuilder("[[");
    for (int y = 0; y < 28; y++) {
      rows.append(y == 0 ? "[" : ",[");
      for (int x = 0; x < 28; x++) {
        rows.append(x == 0 ? "" : ",").append((int) image[y * 28 + x]);
      }
      rows.append(']');
    }
    rows.append("]]");
    String body =
        "{\"inputs\":[{\"name\":\"image\",\"datatype\":\"FP32\",\"shape\":[1,1,28,28],\"data\":["
            + rows
            + "]}]}";

    var r = http.postJson("/v2/models/probe/infer", body);

    assertEquals(200, r.status(), r.body());
    assertArrayEquals(
        FixtureModels.probeLogits(image), floats(r.json().get("outputs").get(0).get("data")));
  }

  @Test
  void inferEchoesTheIdAndReturnsOnlyTheRequestedOutputsInTheirOrder() {
    var r =
        http.postJson(
            "/v2/models/probe/infer",
            Http.inferBody(
                "req-42", one(5), "[{\"name\":\"probabilities\"},{\"name\":\"logits\"}]"));

    assertEquals(200, r.status(), r.body());
    assertEquals("req-42", r.json().get("id").getStringValue());
    JsonNode outputs = r.json().get("outputs");
    assertEquals(2, outputs.size());
    assertEquals("probabilities", outputs.get(0).get("name").getStringValue());
    assertEquals("logits", outputs.get(1).get("name").getStringValue());

    var onlyLogits =
        http.postJson(
            "/v2/models/probe/infer", Http.inferBody(null, one(5), "[{\"name\":\"logits\"}]"));
    assertEquals(1, onlyLogits.json().get("outputs").size());
  }

  @Test
  void classificationParameterReturnsTopKAsValueIndexLabelStrings() {
    float[] a = FixtureModels.probeImage(8, 255);
    a[FixtureModels.probeIndex(1)] = 100;
    float[] b = FixtureModels.probeImage(3, 255);
    var r =
        http.postJson(
            "/v2/models/probe/infer",
            Http.inferBody(
                null,
                new float[][] {a, b},
                "[{\"name\":\"logits\",\"parameters\":{\"classification\":2}}]"));

    assertEquals(200, r.status(), r.body());
    JsonNode out = r.json().get("outputs").get(0);
    assertEquals("BYTES", out.get("datatype").getStringValue());
    assertEquals(List.of(2L, 2L), longs(out.get("shape")));
    List<String> data = new ArrayList<>();
    out.get("data").values().forEach(n -> data.add(n.getStringValue()));
    assertEquals(
        List.of("12.750000:8:eight", "5.000000:1:one", "12.750000:3:three", "0.000000:0:zero"),
        data);
  }

  @Test
  void inferRunsSeveralImagesOfOneRequestAndKeepsTheirOrder() {
    float[][] images = new float[5][];
    for (int i = 0; i < images.length; i++) {
      images[i] = FixtureModels.probeImage((i * 3) % 10, 100 + i);
    }
    var r = http.postJson("/v2/models/probe/infer", Http.inferBody(null, images, null));

    assertEquals(200, r.status(), r.body());
    JsonNode logits = r.json().get("outputs").get(0);
    assertEquals(List.of(5L, 10L), longs(logits.get("shape")));
    float[] values = floats(logits.get("data"));
    for (int i = 0; i < images.length; i++) {
      float[] expected = FixtureModels.probeLogits(images[i]);
      for (int c = 0; c < 10; c++) {
        assertEquals(expected[c], values[i * 10 + c], 1e-4, "image " + i + " class " + c);
      }
    }
  }

  @Test
  void modelCardListsLabelsGroupsAndMetrics() {
    var list = http.get("/v1/models").json();
    assertEquals("probe", list.get(0).get("name").getStringValue());
    assertEquals("ready", list.get(0).get("state").getStringValue());

    JsonNode card = http.get("/v1/models/probe").json();
    assertEquals("eight", card.get("labels").get(8).getStringValue());
    assertEquals(List.of(8L, 9L), longs(card.get("groups").get("tail")));
    assertEquals("reslt", card.get("method").getStringValue());
    assertEquals(0.7, card.get("metrics").get("tail").getDoubleValue(), 1e-9);
    assertEquals("light_on_dark", card.get("input").get("polarity").getStringValue());
    assertTrue(card.get("batching").get("enabled").getBooleanValue());
    assertEquals(8, card.get("batching").get("max_batch_size").getIntValue());
  }

  private static float[][] one(int c) {
    return new float[][] {FixtureModels.probeImage(c, 255)};
  }

  static List<Long> longs(JsonNode array) {
    List<Long> out = new ArrayList<>();
    array.values().forEach(n -> out.add(n.getLongValue()));
    return out;
  }

  static float[] floats(JsonNode array) {
    float[] out = new float[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).getFloatValue();
    }
    return out;
  }

  private static void assertArrayEquals(float[] expected, float[] actual) {
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 1e-4, "value " + i);
    }
  }

  private static double sum(float[] values) {
    double s = 0;
    for (float v : values) {
      s += v;
    }
    return s;
  }

  private static int argmax(float[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }
}
