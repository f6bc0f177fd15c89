package dev.resltj.server.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resltj.server.fixtures.FixtureModels;
import dev.resltj.server.fixtures.Http;
import dev.resltj.server.fixtures.TempModels;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A model folder with a good model, two plain ONNX classifiers and a broken file. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelFolderTest implements TestPropertyProvider {
  private final TempModels models =
      TempModels.of(
          Map.of(
              "probe.onnx", FixtureModels.probe(),
              "plain.onnx", FixtureModels.plainProbe(),
              "plain-softmax.onnx", FixtureModels.plainSoftmaxProbe(),
              "plain-scores-second.onnx", FixtureModels.plainProbeWithScoresSecond(),
              "broken.onnx", "this is not ONNX".getBytes(StandardCharsets.UTF_8),
              "notes.txt", "not a model".getBytes(StandardCharsets.UTF_8)));

  @Inject EmbeddedServer server;
  @Inject ModelRegistry registry;
  private Http http;

  @Override
  public Map<String, String> getProperties() {
    return Map.of("reslt.models.dir", models.dir().toString());
  }

  @BeforeAll
  void awaitLoaded() throws InterruptedException {
    http = new Http(server.getURI());
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (registry.models().stream().anyMatch(m -> m.state().phase() == ModelState.Phase.LOADING)
        && System.nanoTime() < end) {
      Thread.sleep(20);
    }
  }

  @AfterAll
  void deleteModels() {
    models.close();
  }

  @Test
  void servesEveryOnnxFileByItsNameAndIgnoresOtherFiles() {
    JsonNode list = http.get("/v1/models").json();
    assertEquals(5, list.size());
    assertEquals("broken", list.get(0).get("name").getStringValue());
    assertEquals("plain", list.get(1).get("name").getStringValue());
    assertEquals("plain-scores-second", list.get(2).get("name").getStringValue());
    assertEquals("plain-softmax", list.get(3).get("name").getStringValue());
    assertEquals("probe", list.get(4).get("name").getStringValue());
  }

  @Test
  void reportsTheModelThatFailedByNameWithItsReason() {
    JsonNode broken = http.get("/v1/models").json().get(0);
    assertEquals("failed", broken.get("state").getStringValue());
    assertTrue(broken.get("reason").getStringValue().contains("broken.onnx"), broken.toString());

    var ready = http.get("/v2/models/broken/ready");
    assertEquals(503, ready.status());
    assertTrue(ready.error().startsWith("model 'broken' is not ready (failed: "), ready.error());
  }

  @Test
  void serverIsNotReadyWhileAModelFailedAndSaysWhich() {
    var ready = http.get("/v2/health/ready");
    assertEquals(503, ready.status());
    assertTrue(ready.error().startsWith("not ready: model 'broken' failed: "), ready.error());

    var health = http.get("/health/readiness");
    assertEquals(503, health.status());
    assertEquals("DOWN", health.json().get("status").getStringValue());
  }

  @Test
  void theOtherModelsAreServedAnyway() {
    var r = http.post("/v1/models/probe/classify", "image/png", digit(3));
    assertEquals(200, r.status(), r.body());
    assertEquals("three", r.json().get("predictions").get(0).get("label").getStringValue());
  }

  @Test
  void aPlainOnnxClassifierGetsGenericLabelsNoGroupsAndSoftmaxProbabilities() {
    var r = http.post("/v1/models/plain/classify?top_k=3", "image/png", digit(7));

    assertEquals(200, r.status(), r.body());
    JsonNode best = r.json().get("predictions").get(0);
    assertEquals(7, best.get("index").getIntValue());
    assertEquals(null, best.get("group"));
    assertTrue(best.get("probability").getDoubleValue() > 0.99);

    JsonNode metadata = http.get("/v2/models/plain").json();
    assertEquals("pixels", metadata.get("inputs").get(0).get("name").getStringValue());
    assertEquals("scores", metadata.get("outputs").get(0).get("name").getStringValue());
  }

  @Test
  void aPlainClassifierEndingInSoftmaxKeepsItsProbabilities() {
    var r = http.post("/v1/models/plain-softmax/classify?top_k=1", "image/png", digit(7));

    assertEquals(200, r.status(), r.body());
    JsonNode best = r.json().get("predictions").get(0);
    assertEquals(7, best.get("index").getIntValue());
    // softmax applied a second time would flatten 0.9997 to about 0.23
    double probability = best.get("probability").getDoubleValue();
    double expected = Math.exp(255 * FixtureModels.SCALE);
    assertEquals(expected / (expected + FixtureModels.CLASSES - 1), probability, 1e-4);
  }

  @Test
  void aPlainClassifierIsReadFromItsClassScoresWhereverTheyAreAmongItsOutputs() {
    var r = http.post("/v1/models/plain-scores-second/classify?top_k=10", "image/png", digit(4));

    assertEquals(200, r.status(), r.body());
    JsonNode predictions = r.json().get("predictions");
    assertEquals(FixtureModels.CLASSES, predictions.size(), r.body());
    assertEquals(4, predictions.get(0).get("index").getIntValue());
    assertTrue(predictions.get(0).get("probability").getDoubleValue() > 0.99);
  }

  private static byte[] digit(int c) {
    return FixtureModels.encode(FixtureModels.probeImage(c, 255), "png");
  }
}
