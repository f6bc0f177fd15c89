package dev.resltj.server.batching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resltj.server.fixtures.FixtureModels;
import dev.resltj.server.fixtures.FixtureServerTest;
import dev.resltj.server.fixtures.Http;
import dev.resltj.server.fixtures.Prometheus;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * 500 concurrent requests from 64 client threads, each with its own pixel values: every answer must
 * be exactly the model's output for that caller's own image, and the metrics must show that
 * requests were merged into shared runs.
 */
@MicronautTest
class ConcurrentInferenceTest extends FixtureServerTest {
  private static final int REQUESTS = 500;
  private static final int THREADS = 64;

  ConcurrentInferenceTest() {
    super(Map.of("probe.onnx", FixtureModels.probe()));
  }

  /** Request i: its class, a value only it has, and a second marked class. */
  private static float[] imageOf(int i) {
    float[] image = FixtureModels.probeImage(i % 10, 100 + (i % 97));
    image[FixtureModels.probeIndex((i + 3) % 10)] = 1 + (i % 13) * 0.5f;
    return image;
  }

  @Test
  void everyCallerGetsExactlyItsOwnAnswerAndRequestsAreBatched() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(THREADS);
    List<Future<String>> problems = new ArrayList<>();
    try {
      for (int i = 0; i < REQUESTS; i++) {
        int request = i;
        problems.add(clients.submit(() -> check(request)));
      }
      for (Future<String> problem : problems) {
        assertEquals("", problem.get(60, TimeUnit.SECONDS));
      }
    } finally {
      clients.shutdownNow();
    }

    String metrics = http.get("/prometheus").body();
    double runs = Prometheus.sum(metrics, "reslt_batch_size_images_count", "model=\"probe\"");
    double images = Prometheus.sum(metrics, "reslt_batch_size_images_sum", "model=\"probe\"");
    double alone =
        Prometheus.sum(metrics, "reslt_batch_size_images_bucket", "model=\"probe\"", "le=\"1.0\"");
    double upToLargest =
        Prometheus.sum(metrics, "reslt_batch_size_images_bucket", "model=\"probe\"", "le=\"8.0\"");
    assertTrue(images >= REQUESTS, "images run: " + images);
    assertTrue(runs < images, "runs " + runs + " for " + images + " images: nothing was merged");
    assertTrue(alone < runs, "every run held one image");
    assertEquals(runs, upToLargest, "a run held more than 8 images, the default largest batch");
    assertTrue(
        Prometheus.sum(
                metrics,
                "reslt_requests_seconds_count",
                "model=\"probe\"",
                "endpoint=\"/v2/models/{name}/infer\"",
                "status=\"200\"")
            >= REQUESTS);
  }

  /** Sends request i and returns "" when its answer is exactly right, else what was wrong. */
  private String check(int i) {
    float[] image = imageOf(i);
    Http.Reply r =
        http.postJson(
            "/v2/models/probe/infer",
            Http.inferBody("r" + i, new float[][] {image}, "[{\"name\":\"logits\"}]"));
    if (r.status() != 200) {
      return "request " + i + ": status " + r.status() + " " + r.body();
    }
    JsonNode body = r.json();
    if (!("r" + i).equals(body.get("id").getStringValue())) {
      return "request " + i + " got the answer for " + body.get("id").getStringValue();
    }
    JsonNode data = body.get("outputs").get(0).get("data");
    float[] expected = FixtureModels.probeLogits(image);
    for (int c = 0; c < expected.length; c++) {
      if (Math.abs(data.get(c).getFloatValue() - expected[c]) > 1e-4) {
        return "request "
            + i
            + " logit "
            + c
            + ": "
            + data.get(c).getFloatValue()
            + " != "
            + expected[c];
      }
    }
    return "";
  }
}
