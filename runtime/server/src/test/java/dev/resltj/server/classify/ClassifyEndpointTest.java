package dev.resltj.server.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resltj.server.fixtures.FixtureModels;
import dev.resltj.server.fixtures.FixtureServerTest;
import dev.resltj.server.fixtures.Http;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest
class ClassifyEndpointTest extends FixtureServerTest {
  private static final String CLASSIFY = "/v1/models/probe/classify";

  ClassifyEndpointTest() {
    super(Map.of("probe.onnx", FixtureModels.probe()));
  }

  private static byte[] digit(int c, String format) {
    return FixtureModels.encode(FixtureModels.probeImage(c, 255), format);
  }

  @Test
  void classifiesARawPngBodyWithFivePredictionsByDefault() {
    var r = http.post(CLASSIFY, "image/png", digit(9, "png"));

    assertEquals(200, r.status(), r.body());
    JsonNode body = r.json();
    assertEquals("probe", body.get("model").getStringValue());
    JsonNode predictions = body.get("predictions");
    assertEquals(5, predictions.size());
    JsonNode best = predictions.get(0);
    assertEquals("nine", best.get("label").getStringValue());
    assertEquals(9, best.get("index").getIntValue());
    assertEquals("tail", best.get("group").getStringValue());
    assertTrue(best.get("probability").getDoubleValue() > 0.99);
    for (int i = 1; i < predictions.size(); i++) {
      assertTrue(
          predictions.get(i).get("probability").getDoubleValue()
              <= predictions.get(i - 1).get("probability").getDoubleValue());
    }
    assertTrue(body.get("timing_ms").getDoubleValue() > 0);
  }

  @Test
  void honoursTopKAndCapsItAtTheClassCount() {
    var two = http.post(CLASSIFY + "?top_k=2", "image/png", digit(0, "png"));
    assertEquals(2, two.json().get("predictions").size());
    assertEquals("head", two.json().get("predictions").get(0).get("group").getStringValue());

    var all = http.post(CLASSIFY + "?top_k=50", "image/png", digit(0, "png"));
    assertEquals(10, all.json().get("predictions").size());
  }

  @Test
  void classifiesAMultipartUpload() {
    var r = http.postMultipart(CLASSIFY, "file", "digit.png", "image/png", digit(6, "png"));

    assertEquals(200, r.status(), r.body());
    JsonNode best = r.json().get("predictions").get(0);
    assertEquals("six", best.get("label").getStringValue());
    assertEquals("medium", best.get("group").getStringValue());
  }

  @Test
  void classifiesBmpGifAndOctetStreamBodies() {
    assertEquals(
        "two",
        best(http.post(CLASSIFY, "image/bmp", digit(2, "bmp"))).get("label").getStringValue());
    assertEquals(
        "three",
        best(http.post(CLASSIFY, "image/gif", digit(3, "gif"))).get("label").getStringValue());
    assertEquals(
        "four",
        best(http.post(CLASSIFY, "application/octet-stream", digit(4, "png")))
            .get("label")
            .getStringValue());
  }

  @Test
  void invertsADarkDigitOnWhitePaper() {
    float[] paper = new float[FixtureModels.PIXELS];
    java.util.Arrays.fill(paper, 255);
    paper[FixtureModels.probeIndex(5)] = 0;

    var r = http.post(CLASSIFY, "image/png", FixtureModels.encode(paper, "png"));

    assertEquals("five", best(r).get("label").getStringValue());
  }

  private static JsonNode best(Http.Reply r) {
    assertEquals(200, r.status(), r.body());
    return r.json().get("predictions").get(0);
  }
}
