package dev.resltj.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resltj.server.fixtures.FixtureModels;
import dev.resltj.server.fixtures.Http;
import dev.resltj.server.fixtures.TempModels;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The runnable jar starts with {@code java -jar}, takes its settings from the environment. */
class ServerJarIT {

  @Test
  void theJarStartsAnswersReadyAndInfersAndStopsOnSigterm() throws Exception {
    Path jar = Path.of(System.getProperty("reslt.server.jar", "target/missing.jar"));
    assertTrue(Files.isRegularFile(jar), "build the runnable jar first (mvn package): " + jar);
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path log = Files.createTempFile("reslt-server-", ".log");
    try (TempModels models = TempModels.of(Map.of("probe.onnx", FixtureModels.probe()))) {
      ProcessBuilder builder =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-jar",
                  jar.toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().put("RESLT_MODELS_DIR", models.dir().toString());
      builder.environment().put("RESLT_PORT", Integer.toString(port));
      builder.environment().put("RESLT_HOST", "127.0.0.1");
      // a free gRPC port too, so the test does not clash with a server running on 8081
      builder.environment().put("RESLT_GRPC_PORT", "0");
      long start = System.nanoTime();
      Process server = builder.start();
      try {
        Http http = new Http(URI.create("http://127.0.0.1:" + port));
        awaitReady(http, server, log);
        long readyMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("reslt-server jar ready " + readyMillis + " ms after start");

        var r =
            http.postJson(
                "/v2/models/probe/infer",
                Http.inferBody(null, new float[][] {FixtureModels.probeImage(4, 255)}, null));
        assertEquals(200, r.status(), r.body());
        assertEquals("probe", r.json().get("model_name").getStringValue());
      } finally {
        server.destroy();
        assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server did not stop on SIGTERM");
      }
      String output = Files.readString(log);
      assertTrue(output.contains("model 'probe' ready"), output);
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static void awaitReady(Http http, Process server, Path log) throws IOException {
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < end) {
      if (!server.isAlive()) {
        throw new AssertionError("the server exited: " + Files.readString(log));
      }
      try {
        if (http.get("/v2/health/ready").status() == 200) {
          return;
        }
      } catch (java.io.UncheckedIOException notListeningYet) {
        // the port opens a moment after the JVM starts
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("not ready within 60 s: " + Files.readString(log));
  }
}
