package dev.resltj.server.batching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resltj.server.fixtures.FixtureModels;
import dev.resltj.server.fixtures.Http;
import dev.resltj.server.fixtures.Prometheus;
import dev.resltj.server.fixtures.TempModels;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A deadline shorter than one run of a slow model: the request gets 504, the server lives on. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadlineTest implements TestPropertyProvider {
  private final TempModels models =
      TempModels.of(Map.of("slow.onnx", FixtureModels.slowProbe(200)));

  @Inject EmbeddedServer server;
  private Http http;

  @Override
  public Map<String, String> getProperties() {
    return Map.of("reslt.models.dir", models.dir().toString(), "reslt.batching.deadline", "1ms");
  }

  @BeforeAll
  void awaitReady() {
    http = new Http(server.getURI());
    http.awaitReady(Duration.ofSeconds(60));
  }

  @AfterAll
  void deleteModels() {
    models.close();
  }

  @Test
  void aRequestPastItsDeadlineGets504AndTheServerKeepsAnswering() {
    var r =
        http.postJson(
            "/v2/models/slow/infer",
            Http.inferBody(null, new float[][] {FixtureModels.probeImage(1, 255)}, null));

    assertEquals(504, r.status(), r.body());
    assertEquals("no result from model 'slow' within the deadline of 1 ms", r.error());
    assertEquals(200, http.get("/v2/health/live").status());
    assertEquals(200, http.get("/v2/models/slow").status());
    assertTrue(
        Prometheus.sum(
                http.get("/prometheus").body(),
                "reslt_rejections_total",
                "model=\"slow\"",
                "reason=\"deadline_exceeded\"")
            >= 1);
  }
}
