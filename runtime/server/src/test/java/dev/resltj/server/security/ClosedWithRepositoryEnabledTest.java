package dev.resltj.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resltj.server.fixtures.FixtureModels;
import dev.resltj.server.fixtures.FixtureServerTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With the repository API switched on (and so routed), the route walk still finds nothing an
 * anonymous caller can use: the repository routes answer 401 without the token.
 */
@MicronautTest
class ClosedWithRepositoryEnabledTest extends FixtureServerTest {
  @Inject Router router;

  ClosedWithRepositoryEnabledTest() {
    super(
        Map.of("probe.onnx", FixtureModels.probe()),
        Map.of(
            "reslt.repository.enabled", "true",
            "reslt.repository.token", "walk-token-0123456789abcdef"),
        Duration.ofSeconds(30));
  }

  @Test
  void repositoryRoutesAreRoutedAndClosedToAnonymousCallers() {
    List<String> routes = ClosedByDefaultTest.registeredRoutes(router);
    assertTrue(routes.contains("POST /v2/repository/index"), routes.toString());
    assertTrue(routes.contains("POST /v2/repository/models/{name}/load"), routes.toString());
    assertTrue(routes.contains("POST /v2/repository/models/{name}/unload"), routes.toString());

    assertEquals(
        List.of(),
        ClosedByDefaultTest.openToAnonymousCallers(routes, http),
        "routes open to anonymous callers that are not on the list");
    assertEquals(401, http.send("POST", "/v2/repository/index").status());
    assertEquals(200, http.get("/v2/models/probe/ready").status(), "the model is untouched");
  }
}
