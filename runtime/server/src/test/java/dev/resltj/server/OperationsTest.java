package dev.resltj.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resltj.server.fixtures.FixtureModels;
import dev.resltj.server.fixtures.FixtureServerTest;
import dev.resltj.server.fixtures.Http;
import dev.resltj.server.fixtures.Prometheus;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Metrics, management health, the OpenAPI document and the web page. */
@MicronautTest
class OperationsTest extends FixtureServerTest {
  OperationsTest() {
    super(Map.of("probe.onnx", FixtureModels.probe()));
  }

  @Test
  void prometheusHasLatencyHistogramsPerModelAndEndpointAndErrorsByStatus() {
    http.postJson(
        "/v2/models/probe/infer",
        Http.inferBody(null, new float[][] {FixtureModels.probeImage(2, 255)}, null));
    http.post(
        "/v1/models/probe/classify",
        "image/png",
        FixtureModels.encode(FixtureModels.probeImage(2, 255), "png"));
    http.postJson("/v2/models/probe/infer", "{}");
    http.get("/v2/models/unknown");

    var r = http.get("/prometheus");

    assertEquals(200, r.status());
    String m = r.body();
    String infer = "endpoint=\"/v2/models/{name}/infer\"";
    assertTrue(
        Prometheus.sum(m, "reslt_requests_seconds_bucket", "model=\"probe\"", infer, "le=\"+Inf\"")
            >= 1);
    assertTrue(
        Prometheus.sum(
                m,
                "reslt_requests_seconds_count",
                "model=\"probe\"",
                "endpoint=\"/v1/models/{name}/classify\"",
                "status=\"200\"")
            >= 1);
    assertTrue(
        Prometheus.sum(m, "reslt_errors_total", "model=\"probe\"", infer, "status=\"400\"") >= 1);
    assertTrue(
        Prometheus.sum(m, "reslt_errors_total", "model=\"\"", "status=\"404\"") >= 1,
        "an unknown model name is not a label value");
    assertTrue(m.contains("reslt_queue_images{model=\"probe\"}"));
    assertTrue(Prometheus.sum(m, "reslt_batch_size_images_count", "model=\"probe\"") >= 2);
    assertTrue(m.contains("http_server_requests_seconds"), "Micronaut's own request timers");
  }

  @Test
  void managementHealthIsUpWithTheModelsAndProbesAnswer() {
    JsonNode health = http.get("/health").json();
    assertEquals("UP", health.get("status").getStringValue());
    assertEquals(
        "ready", health.get("details").get("models").get("details").get("probe").getStringValue());
    assertEquals(200, http.get("/health/readiness").status());
    assertEquals(200, http.get("/health/liveness").status());
  }

  @Test
  void servesTheGeneratedOpenApiDocument() {
    var r = http.get("/openapi/reslt-server-0.1.yml");

    assertEquals(200, r.status());
    assertTrue(r.body().contains("/v2/models/{name}/infer:"), r.body());
    assertTrue(r.body().contains("/v1/models/{name}/classify:"));
    assertTrue(r.body().contains("InferenceRequest:"));
  }

  @Test
  void servesTheWebPageAtTheRoot() {
    var r = http.get("/");

    assertEquals(200, r.status());
    assertTrue(r.header("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(r.body().contains("ResLT-J"));
  }
}
