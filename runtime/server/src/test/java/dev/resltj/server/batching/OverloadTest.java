package dev.resltj.server.batching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resltj.server.fixtures.FixtureModels;
import dev.resltj.server.fixtures.FixtureServerTest;
import dev.resltj.server.fixtures.Http;
import dev.resltj.server.fixtures.Prometheus;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A deliberately tiny queue (2 images) in front of a slow model with one worker: surplus requests
 * get 503 with Retry-After at once, the admitted ones are answered correctly.
 */
@MicronautTest
class OverloadTest extends FixtureServerTest {
  OverloadTest() {
    super(
        Map.of("slow.onnx", FixtureModels.slowProbe(200)),
        Map.of(
            "reslt.batching.max-queue-size", "2",
            "reslt.batching.max-batch-size", "1",
            "reslt.batching.workers", "1"),
        Duration.ofSeconds(60));
  }

  @Test
  void aFullQueueAnswers503WithRetryAfterAtOnceAndAdmittedRequestsSucceed() throws Exception {
    int clients = 24;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<long[]>> replies = new ArrayList<>();
    List<Http.Reply> rejected = new ArrayList<>();
    try {
      for (int i = 0; i < clients; i++) {
        int c = i % 10;
        replies.add(
            pool.submit(
                () -> {
                  long start = System.nanoTime();
                  Http.Reply r =
                      http.post(
                          "/v1/models/slow/classify",
                          "image/png",
                          FixtureModels.encode(FixtureModels.probeImage(c, 255), "png"));
                  long millis = (System.nanoTime() - start) / 1_000_000;
                  if (r.status() == 503) {
                    assertTrue(millis < 2000, "a refusal took " + millis + " ms");
                    synchronized (rejected) {
                      rejected.add(r);
                    }
                  } else {
                    assertEquals(200, r.status(), r.body());
                    assertEquals(c, r.json().get("predictions").get(0).get("index").getIntValue());
                  }
                  return new long[] {r.status(), millis};
                }));
      }
      int ok = 0;
      for (Future<long[]> f : replies) {
        long[] reply = f.get(120, TimeUnit.SECONDS);
        if (reply[0] == 200) {
          ok++;
        }
      }
      assertTrue(ok >= 1, "no request was admitted");
    } finally {
      pool.shutdownNow();
    }

    assertTrue(!rejected.isEmpty(), "no request was refused by a queue of 2");
    for (Http.Reply r : rejected) {
      assertEquals("1", r.header("Retry-After").orElse(null));
      assertTrue(r.error().startsWith("the queue for model 'slow' is full"), r.error());
    }
    String metrics = http.get("/prometheus").body();
    assertEquals(
        rejected.size(),
        Prometheus.sum(
            metrics, "reslt_rejections_total", "model=\"slow\"", "reason=\"queue_full\""));
    assertEquals(
        rejected.size(),
        Prometheus.sum(metrics, "reslt_errors_total", "model=\"slow\"", "status=\"503\""));
  }
}
