package dev.resltj.server.metrics;

import dev.resltj.server.models.ModelRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import io.micronaut.web.router.UriRouteMatch;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Times every protocol request and counts errors, labelled by model, endpoint (the route template,
 * such as {@code /v2/models/{name}/infer}) and status. The model label only ever holds names of
 * served models, so a client cannot grow the label set by inventing names.
 */
@ServerFilter({"/v1/**", "/v2/**"})
final class RequestMetricsFilter {
  private static final String START = RequestMetricsFilter.class.getName() + ".start";
  static final String REQUESTS = "reslt.requests";
  static final String ERRORS = "reslt.errors";

  private final MeterRegistry meters;
  private final ModelRegistry models;
  private final Map<Key, Timer> timers = new ConcurrentHashMap<>();
  private final Map<Key, Counter> errors = new ConcurrentHashMap<>();

  RequestMetricsFilter(MeterRegistry meters, ModelRegistry models) {
    this.meters = meters;
    this.models = models;
  }

  private record Key(String model, String endpoint, int status) {}

  @RequestFilter
  void start(HttpRequest<?> request) {
    request.setAttribute(START, System.nanoTime());
  }

  @ResponseFilter
  void record(HttpRequest<?> request, MutableHttpResponse<?> response) {
    Long start = request.getAttribute(START, Long.class).orElse(null);
    if (start == null) {
      return;
    }
    long nanos = System.nanoTime() - start;
    String endpoint = "unmatched";
    String model = "";
    RouteMatch<?> route = RouteAttributes.getRouteMatch(request).orElse(null);
    if (route instanceof UriRouteMatch<?, ?> uriRoute) {
      endpoint = uriRoute.getRouteInfo().getUriMatchTemplate().toPathString();
      Object name = uriRoute.getVariableValues().get("name");
      if (name instanceof String s && models.status(s).isPresent()) {
        model = s;
      }
    }
    int status = response.code();
    Key key = new Key(model, endpoint, status);
    timers.computeIfAbsent(key, this::timer).record(nanos, TimeUnit.NANOSECONDS);
    if (status >= 400) {
      errors.computeIfAbsent(key, this::errorCounter).increment();
    }
  }

  private Timer timer(Key key) {
    return Timer.builder(REQUESTS)
        .description("HTTP requests to the protocol endpoints, by model, endpoint and status")
        .tag("model", key.model())
        .tag("endpoint", key.endpoint())
        .tag("status", Integer.toString(key.status()))
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofNanos(100_000))
        .maximumExpectedValue(Duration.ofSeconds(10))
        .register(meters);
  }

  private Counter errorCounter(Key key) {
    return Counter.builder(ERRORS)
        .description("Error responses (4xx and 5xx), by model, endpoint and status")
        .tag("model", key.model())
        .tag("endpoint", key.endpoint())
        .tag("status", Integer.toString(key.status()))
        .register(meters);
  }
}
