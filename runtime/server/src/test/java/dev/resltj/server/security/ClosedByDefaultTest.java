package dev.resltj.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resltj.server.fixtures.FixtureModels;
import dev.resltj.server.fixtures.FixtureServerTest;
import dev.resltj.server.fixtures.Grpc;
import dev.resltj.server.fixtures.Http;
import dev.resltj.server.grpc.GrpcServer;
import dev.resltj.server.grpc.v2.RepositoryIndexRequest;
import dev.resltj.server.grpc.v2.RepositoryModelUnloadRequest;
import io.grpc.Status;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Only what a client needs answers anonymously: the inference API, the web page, health and
 * Prometheus. The route walk reads every route the application context registers, so a dependency
 * upgrade that adds an endpoint fails here instead of opening it silently.
 */
@MicronautTest
class ClosedByDefaultTest extends FixtureServerTest {
  /**
   * Every route that may answer an anonymous caller, as "METHOD template"; Micronaut adds a HEAD
   * route beside each GET route, which {@link #isAllowed} accepts with it.
   */
  private static final Set<String> ALLOWED =
      Set.of(
          "GET /v2",
          "GET /v2/health/live",
          "GET /v2/health/ready",
          "GET /v2/models/{name}",
          "GET /v2/models/{name}/ready",
          "GET /v2/models/{name}/versions/{version}",
          "GET /v2/models/{name}/versions/{version}/ready",
          "POST /v2/models/{name}/infer",
          "POST /v2/models/{name}/versions/{version}/infer",
          "GET /v1/models",
          "GET /v1/models/{name}",
          "POST /v1/models/{name}/classify",
          "GET /health",
          "GET /health/{selector}",
          "GET /prometheus");

  @Inject Router router;
  @Inject GrpcServer grpcServer;

  ClosedByDefaultTest() {
    super(Map.of("probe.onnx", FixtureModels.probe()));
  }

  @Test
  void noRegisteredRouteOutsideTheAllowedListAnswersAnAnonymousCaller() {
    List<String> routes = registeredRoutes(router);
    assertTrue(routes.contains("POST /v2/models/{name}/infer"), "the walk sees the routes");

    assertEquals(
        List.of(),
        openToAnonymousCallers(routes, http),
        "routes open to anonymous callers that are not on the list");
  }

  /**
   * Sends every route outside {@link #ALLOWED} as an anonymous caller would, path variables filled
   * in, and returns those that answered anything but 401, 403 or 404, with the status.
   */
  static List<String> openToAnonymousCallers(List<String> routes, Http http) {
    List<String> open = new ArrayList<>();
    for (String route : routes) {
      if (isAllowed(route)) {
        continue;
      }
      String method = route.substring(0, route.indexOf(' '));
      String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{/?[^}]*}", "x");
      int status = http.send(method, path).status();
      if (status != 401 && status != 403 && status != 404) {
        open.add(route + " -> " + status);
      }
    }
    return open;
  }

  @Test
  void everyRegisteredRouteIsOnTheAllowedList() {
    Set<String> unexpected = new TreeSet<>(registeredRoutes(router));
    unexpected.removeIf(ClosedByDefaultTest::isAllowed);

    assertEquals(
        Set.of(),
        unexpected,
        "a new route: add it to ALLOWED only if anonymous clients must reach it");
  }

  @ParameterizedTest
  @CsvSource({
    "GET, /beans",
    "GET, /threaddump",
    "GET, /routes",
    "GET, /info",
    "POST, /refresh",
    "GET, /loggers",
    "GET, /env",
    "GET, /metrics",
    "POST, /stop",
    "GET, /caches",
    "POST, /v2/repository/index",
    "POST, /v2/repository/models/probe/load",
    "POST, /v2/repository/models/probe/unload"
  })
  void managementEndpointIsNotServed(String method, String path) {
    var r = http.send(method, path);

    assertEquals(404, r.status(), method + " " + path + ": " + r.body());
    assertEquals("Page Not Found", r.error());
  }

  @Test
  void repositoryCallsDoNotExistOnGrpc() {
    try (Grpc grpc = new Grpc(grpcServer.port())) {
      Grpc.assertStatus(
          Status.Code.UNIMPLEMENTED,
          "Method not found",
          () -> grpc.stub.repositoryIndex(RepositoryIndexRequest.getDefaultInstance()));
      Grpc.assertStatus(
          Status.Code.UNIMPLEMENTED,
          "Method not found",
          () ->
              grpc.withToken("any-token-0123456789abcdef")
                  .repositoryModelUnload(
                      RepositoryModelUnloadRequest.newBuilder().setModelName("probe").build()));
    }
    assertEquals(200, http.get("/v2/models/probe/ready").status());
  }

  @Test
  void healthAndPrometheusStayOpen() {
    assertEquals(200, http.get("/health").status());
    assertEquals(200, http.get("/health/readiness").status());
    assertEquals(200, http.get("/prometheus").status());
  }

  static boolean isAllowed(String route) {
    return ALLOWED.contains(route.startsWith("HEAD ") ? "GET " + route.substring(5) : route);
  }

  static List<String> registeredRoutes(Router router) {
    return router.uriRoutes().map(ClosedByDefaultTest::describe).distinct().sorted().toList();
  }

  private static String describe(UriRouteInfo<?, ?> route) {
    return route.getHttpMethodName() + " " + route.getUriMatchTemplate().toString();
  }
}
