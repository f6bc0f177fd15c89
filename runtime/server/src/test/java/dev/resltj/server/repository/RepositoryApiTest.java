package dev.resltj.server.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resltj.server.fixtures.FixtureModels;
import dev.resltj.server.fixtures.FixtureServerTest;
import dev.resltj.server.fixtures.Grpc;
import dev.resltj.server.fixtures.Http;
import dev.resltj.server.fixtures.TempModels;
import dev.resltj.server.grpc.GrpcServer;
import dev.resltj.server.grpc.v2.ModelReadyRequest;
import dev.resltj.server.grpc.v2.ModelRepositoryParameter;
import dev.resltj.server.grpc.v2.RepositoryIndexRequest;
import dev.resltj.server.grpc.v2.RepositoryIndexResponse;
import dev.resltj.server.grpc.v2.RepositoryModelLoadRequest;
import dev.resltj.server.grpc.v2.RepositoryModelUnloadRequest;
import io.grpc.Status;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The repository API switched on with a token: index, load and unload over REST and gRPC, and the
 * answers to callers without the token. Each test works on its own model, so their order does not
 * matter.
 */
@MicronautTest
class RepositoryApiTest extends FixtureServerTest {
  private static final String TOKEN = "test-token-0123456789abcdef";
  private static final String[] AUTH = {"Authorization", "Bearer " + TOKEN};

  @Inject GrpcServer grpcServer;
  private Grpc grpc;

  RepositoryApiTest() {
    super(
        Map.of(
            "probe.onnx", FixtureModels.probe(),
            "cycled.onnx", FixtureModels.probe(),
            "grpc-cycled.onnx", FixtureModels.probe(),
            "reloaded.onnx", FixtureModels.probe()),
        Map.of("reslt.repository.enabled", "true", "reslt.repository.token", TOKEN),
        Duration.ofSeconds(30));
  }

  @BeforeAll
  void openGrpc() {
    grpc = new Grpc(grpcServer.port());
  }

  @AfterAll
  void closeGrpc() {
    grpc.close();
  }

  @Test
  void indexListsEveryModelWithStateVersionAndReason() {
    Http.Reply r = http.postJson("/v2/repository/index", "{}", AUTH);

    assertEquals(200, r.status(), r.body());
    JsonNode probe = entry(r.json(), "probe");
    assertEquals("1", probe.get("version").getStringValue());
    assertEquals("READY", probe.get("state").getStringValue());
    assertEquals("", probe.get("reason").getStringValue());
  }

  @Test
  void indexTakesAnEmptyBody() {
    Http.Reply r = http.post("/v2/repository/index", null, new byte[0]);
    assertEquals(401, r.status(), "the token is checked first");

    Http.Reply withToken = http.postJson("/v2/repository/index", "", AUTH);
    assertEquals(200, withToken.status(), withToken.body());
  }

  @Test
  void unloadStopsServingAndLoadBringsTheModelBack() {
    Http.Reply unloaded = http.postJson("/v2/repository/models/cycled/unload", "{}", AUTH);
    assertEquals(200, unloaded.status(), unloaded.body());

    Http.Reply infer = http.postJson("/v2/models/cycled/infer", oneImage());
    assertEquals(503, infer.status(), infer.body());
    assertTrue(infer.error().contains("unloaded"), infer.error());
    JsonNode entry = entry(http.postJson("/v2/repository/index", "{}", AUTH).json(), "cycled");
    assertEquals("UNAVAILABLE", entry.get("state").getStringValue());
    assertTrue(entry.get("reason").getStringValue().contains("unloaded"), entry.toString());
    assertEquals(200, http.get("/v2/health/ready").status(), "an unloaded model is not missing");
    assertTrue(
        names(http.postJson("/v2/repository/index", "{\"ready\": true}", AUTH).json()).stream()
            .noneMatch("cycled"::equals));

    Http.Reply loaded = http.postJson("/v2/repository/models/cycled/load", "", AUTH);
    assertEquals(200, loaded.status(), loaded.body());
    assertEquals("READY", loaded.json().get("state").getStringValue());
    assertEquals(200, http.postJson("/v2/models/cycled/infer", oneImage()).status());
  }

  @Test
  void loadOfAFileThatIsNotAModelKeepsTheLoadedOneServingAndSaysWhy() {
    TempModels.replaceAtomically(
        modelDir().resolve("reloaded.onnx"), "not ONNX".getBytes(StandardCharsets.UTF_8));

    Http.Reply r = http.postJson("/v2/repository/models/reloaded/load", "{}", AUTH);

    assertEquals(400, r.status(), r.body());
    assertTrue(r.error().startsWith("model 'reloaded' failed to load: "), r.error());
    assertTrue(r.error().contains("reloaded.onnx"), r.error());
    assertEquals(200, http.postJson("/v2/models/reloaded/infer", oneImage()).status());
    JsonNode entry = entry(http.postJson("/v2/repository/index", "{}", AUTH).json(), "reloaded");
    assertEquals("READY", entry.get("state").getStringValue());
    assertTrue(
        entry.get("reason").getStringValue().contains("still serving the one loaded before"),
        entry.toString());
  }

  @Test
  void loadOfANameWithNoFileIs404() {
    Http.Reply r = http.postJson("/v2/repository/models/absent/load", "{}", AUTH);

    assertEquals(404, r.status(), r.body());
    assertTrue(r.error().startsWith("no model named 'absent'"), r.error());
  }

  @Test
  void loadRefusesParametersItCannotHonour() {
    Http.Reply r =
        http.postJson(
            "/v2/repository/models/probe/load", "{\"parameters\": {\"config\": \"{}\"}}", AUTH);

    assertEquals(400, r.status(), r.body());
    assertTrue(r.error().contains("[config]"), r.error());
  }

  @Test
  void callWithoutTokenIs401WithAJsonBody() {
    for (String path :
        List.of(
            "/v2/repository/index",
            "/v2/repository/models/probe/load",
            "/v2/repository/models/probe/unload")) {
      Http.Reply r = http.postJson(path, "{}");

      assertEquals(401, r.status(), path);
      assertEquals("Bearer realm=\"reslt-repository\"", r.header("WWW-Authenticate").orElse(""));
      assertTrue(r.error().contains("needs the bearer token"), r.error());
    }
    assertEquals(200, http.postJson("/v2/models/probe/infer", oneImage()).status());
  }

  @Test
  void callWithAnotherTokenIs403AndChangesNothing() {
    Http.Reply r =
        http.postJson(
            "/v2/repository/models/probe/unload",
            "{}",
            "Authorization",
            "Bearer " + TOKEN.substring(1) + "x");

    assertEquals(403, r.status(), r.body());
    assertTrue(r.error().contains("not the repository token"), r.error());
    assertEquals(200, http.get("/v2/models/probe/ready").status());
  }

  @Test
  void serverMetadataNamesTheExtension() {
    var extensions = http.get("/v2").json().get("extensions");
    List<String> names = new ArrayList<>();
    extensions.values().forEach(v -> names.add(v.getStringValue()));
    assertTrue(names.contains("model_repository"), names.toString());
  }

  @Test
  void grpcIndexLoadAndUnload() {
    var stub = grpc.withToken(TOKEN);
    RepositoryIndexResponse index =
        stub.repositoryIndex(RepositoryIndexRequest.getDefaultInstance());
    RepositoryIndexResponse.ModelIndex probe =
        index.getModelsList().stream().filter(m -> m.getName().equals("probe")).findFirst().get();
    assertEquals("READY", probe.getState());
    assertEquals("1", probe.getVersion());

    stub.repositoryModelUnload(
        RepositoryModelUnloadRequest.newBuilder()
            .setModelName("grpc-cycled")
            .putParameters(
                "unload_dependents",
                ModelRepositoryParameter.newBuilder().setBoolParam(true).build())
            .build());
    assertTrue(
        !grpc.stub
            .modelReady(ModelReadyRequest.newBuilder().setName("grpc-cycled").build())
            .getReady());
    stub.repositoryModelLoad(
        RepositoryModelLoadRequest.newBuilder().setModelName("grpc-cycled").build());
    assertTrue(
        grpc.stub
            .modelReady(ModelReadyRequest.newBuilder().setName("grpc-cycled").build())
            .getReady());
  }

  @Test
  void grpcLoadOfAnUnknownNameIsNotFound() {
    Grpc.assertStatus(
        Status.Code.NOT_FOUND,
        "no model named 'absent'",
        () ->
            grpc.withToken(TOKEN)
                .repositoryModelLoad(
                    RepositoryModelLoadRequest.newBuilder().setModelName("absent").build()));
  }

  @Test
  void grpcCallWithoutTokenIsUnauthenticatedAndWithAnotherIsPermissionDenied() {
    Grpc.assertStatus(
        Status.Code.UNAUTHENTICATED,
        "needs the bearer token",
        () -> grpc.stub.repositoryIndex(RepositoryIndexRequest.getDefaultInstance()));
    Grpc.assertStatus(
        Status.Code.PERMISSION_DENIED,
        "not the repository token",
        () ->
            grpc.withToken("another-token-0123456789")
                .repositoryModelUnload(
                    RepositoryModelUnloadRequest.newBuilder().setModelName("probe").build()));
    assertTrue(
        grpc.stub.modelReady(ModelReadyRequest.newBuilder().setName("probe").build()).getReady());
  }

  private static String oneImage() {
    return Http.inferBody(null, new float[][] {FixtureModels.probeImage(3, 200f)}, null);
  }

  private static JsonNode entry(JsonNode index, String name) {
    for (JsonNode e : index.values()) {
      if (name.equals(e.get("name").getStringValue())) {
        return e;
      }
    }
    throw new AssertionError("no " + name + " in the index: " + index);
  }

  private static List<String> names(JsonNode index) {
    List<String> names = new ArrayList<>();
    index.values().forEach(e -> names.add(e.get("name").getStringValue()));
    return names;
  }
}
