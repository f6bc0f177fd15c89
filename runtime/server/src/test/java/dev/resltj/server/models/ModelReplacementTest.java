package dev.resltj.server.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resltj.server.fixtures.FixtureModels;
import dev.resltj.server.fixtures.FixtureServerTest;
import dev.resltj.server.fixtures.Http;
import dev.resltj.server.fixtures.TempModels;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The model folder watched: files replaced, broken, added and removed while the server runs. Each
 * test has its own model, so their order does not matter.
 */
@MicronautTest
class ModelReplacementTest extends FixtureServerTest {
  private static final float NEW_SCALE = 2 * FixtureModels.SCALE;
  private static final int CLIENTS = 4;

  @Inject ModelRegistry registry;

  ModelReplacementTest() {
    super(
        Map.of(
            "swapped.onnx", FixtureModels.probe(),
            "steady.onnx", FixtureModels.probe(),
            "removed.onnx", FixtureModels.probe(),
            "held.onnx", FixtureModels.probe()),
        Map.of("reslt.models.watch", "true", "reslt.models.watch-interval", "100ms"),
        Duration.ofSeconds(30));
  }

  @Test
  void replacedFileIsSwappedInUnderLoadWithoutAFailedRequest() throws Exception {
    LoadedModel before = registry.require("swapped", Optional.empty());
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger answeredByNew = new AtomicInteger();
    AtomicInteger requests = new AtomicInteger();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < CLIENTS; t++) {
      int c = t;
      running.add(
          clients.submit(
              () -> {
                for (int i = 0; !stop.get(); i++) {
                  float value = 1 + (i % 200); // every request its own answer
                  float[] image = FixtureModels.probeImage(c, value);
                  Http.Reply r =
                      http.postJson(
                          "/v2/models/swapped/infer",
                          Http.inferBody(null, new float[][] {image}, "[{\"name\":\"logits\"}]"));
                  requests.incrementAndGet();
                  if (r.status() != 200) {
                    failures.add(r.status() + " " + r.body());
                    continue;
                  }
                  float logit = logit(r.json(), c);
                  if (logit == value * NEW_SCALE) {
                    answeredByNew.incrementAndGet();
                  } else if (logit != value * FixtureModels.SCALE) {
                    failures.add("logit " + logit + " for pixel " + value + " is neither model's");
                  }
                }
              }));
    }
    try {
      awaitTrue(() -> requests.get() > 20, "the clients to get going");
      TempModels.replaceAtomically(
          modelDir().resolve("swapped.onnx"), FixtureModels.probe(NEW_SCALE));
      awaitTrue(() -> answeredByNew.get() > 20, "answers from the new file");
    } finally {
      stop.set(true);
      clients.shutdown();
      assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));
    }
    for (Future<?> f : running) {
      f.get(); // an exception in a client fails the test
    }

    assertEquals(List.of(), List.copyOf(failures), "of " + requests.get() + " requests");
    float[] image = FixtureModels.probeImage(7, 100f);
    Http.Reply after =
        http.postJson(
            "/v2/models/swapped/infer", Http.inferBody(null, new float[][] {image}, null));
    assertEquals(100f * NEW_SCALE, logit(after.json(), 7));
    awaitTrue(before::isClosed, "the replaced model's session to be freed");
  }

  @Test
  void requestHeldByTheOldModelFinishesOnItAfterTheSwap() throws Exception {
    LoadedModel.Incoming incoming = registry.announce("held", Optional.empty());
    LoadedModel old = incoming.model();

    ModelStatus status = registry.load("held").get(30, TimeUnit.SECONDS); // the same file again

    assertEquals(ModelState.ready(), status.state());
    assertTrue(registry.require("held", Optional.empty()) != old, "the new model serves");
    assertFalse(old.isClosed(), "the old model is held by a request");
    float[] image = FixtureModels.probeImage(2, 50f);
    RequestResult result =
        incoming.run(ImageRows.of(image, 1, FixtureModels.PIXELS)).get(30, TimeUnit.SECONDS);
    assertEquals(50f * FixtureModels.SCALE, result.get("logits").get().values()[2]);
    awaitTrue(old::isClosed, "the old model to close after its last request");
  }

  @Test
  void brokenReplacementKeepsTheOldModelServingAndSaysWhy() {
    TempModels.replaceAtomically(
        modelDir().resolve("steady.onnx"), "half a model".getBytes(StandardCharsets.UTF_8));

    awaitTrue(
        () -> registry.status("steady").get().state().reason().isPresent(),
        "the failed reload to show in the status");
    ModelState state = registry.status("steady").get().state();
    assertEquals(ModelState.Phase.READY, state.phase());
    assertTrue(
        state.reason().get().contains("steady.onnx is not a model ONNX Runtime can load"),
        state.toString());
    JsonNode listed = listed("steady");
    assertEquals("ready", listed.get("state").getStringValue());
    assertTrue(listed.get("reason").getStringValue().contains("still serving"), listed.toString());
    float[] image = FixtureModels.probeImage(4, 80f);
    Http.Reply r =
        http.postJson("/v2/models/steady/infer", Http.inferBody(null, new float[][] {image}, null));
    assertEquals(200, r.status(), r.body());
    assertEquals(80f * FixtureModels.SCALE, logit(r.json(), 4));
    assertEquals(200, http.get("/v2/health/ready").status());
  }

  @Test
  void addedFileIsServedAndRemovedFileIsUnloaded() throws IOException {
    TempModels.replaceAtomically(modelDir().resolve("added.onnx"), FixtureModels.probe());
    awaitTrue(() -> http.get("/v2/models/added/ready").status() == 200, "the added model");

    Files.delete(modelDir().resolve("removed.onnx"));
    awaitTrue(() -> http.get("/v2/models/removed").status() == 404, "the removed model to go");
    assertTrue(registry.status("removed").isEmpty());
    assertEquals(200, http.get("/v2/health/ready").status());
  }

  private JsonNode listed(String name) {
    for (JsonNode m : http.get("/v1/models").json().values()) {
      if (name.equals(m.get("name").getStringValue())) {
        return m;
      }
    }
    throw new AssertionError(name + " not in /v1/models");
  }

  private static float logit(JsonNode response, int c) {
    for (JsonNode output : response.get("outputs").values()) {
      if ("logits".equals(output.get("name").getStringValue())) {
        return output.get("data").get(c).getFloatValue();
      }
    }
    throw new AssertionError("no logits in " + response);
  }

  private static void awaitTrue(BooleanSupplier condition, String what) {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("waited 30 s for " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
