package dev.resltj.server.batching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resltj.server.fixtures.FixtureModels;
import dev.resltj.server.fixtures.Http;
import dev.resltj.server.fixtures.TempModels;
import dev.resltj.server.models.ModelRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Stopping the server answers every request already in flight before it goes. */
class GracefulShutdownTest {

  @Test
  void requestsInFlightAtShutdownAreAnsweredCorrectly() throws Exception {
    try (TempModels models = TempModels.of(Map.of("slow.onnx", FixtureModels.slowProbe(200)))) {
      EmbeddedServer server =
          ApplicationContext.run(
              EmbeddedServer.class,
              Map.of(
                  "reslt.models.dir", models.dir().toString(),
                  "reslt.batching.max-batch-size", "1",
                  "reslt.batching.workers", "1",
                  "micronaut.server.port", "-1"));
      Http http = new Http(server.getURI());
      http.awaitReady(Duration.ofSeconds(60));
      ModelRegistry registry = server.getApplicationContext().getBean(ModelRegistry.class);

      List<CompletableFuture<Http.Reply>> inFlight = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        byte[] png = FixtureModels.encode(FixtureModels.probeImage(i, 255), "png");
        inFlight.add(
            CompletableFuture.supplyAsync(
                () -> http.post("/v1/models/slow/classify", "image/png", png)));
      }
      // only requests the server has taken in are in flight: wait until every one is queued,
      // running (one at a time) or answered
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!allInServer(registry, inFlight) && System.nanoTime() < end) {
        Thread.sleep(1);
      }
      assertTrue(allInServer(registry, inFlight), "requests never reached the model");

      server.getApplicationContext().close();

      for (int i = 0; i < inFlight.size(); i++) {
        Http.Reply r = inFlight.get(i).get(30, TimeUnit.SECONDS);
        assertEquals(200, r.status(), r.body());
        assertEquals(i, r.json().get("predictions").get(0).get("index").getIntValue());
      }
    }
  }

  private static boolean allInServer(
      ModelRegistry registry, List<CompletableFuture<Http.Reply>> requests) {
    long answered = requests.stream().filter(CompletableFuture::isDone).count();
    int queued = registry.require("slow", Optional.empty()).queuedImages();
    return answered == requests.size() || queued + 1 + answered >= requests.size();
  }
}
