package dev.resltj.server.metrics;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import io.micronaut.web.router.UriRouteMatch;

/**
 * Times every HTTP protocol request and counts errors through {@link RequestMeters}, labelled by
 * model, endpoint (the route template, such as {@code /v2/models/{name}/infer}) and status.
 */
@ServerFilter({"/v1/**", "/v2/**"})
final class RequestMetricsFilter {
  private static final String START = RequestMetricsFilter.class.getName() + ".start";

  private final RequestMeters meters;

  RequestMetricsFilter(RequestMeters meters) {
    this.meters = meters;
  }

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
    String model = null;
    RouteMatch<?> route = RouteAttributes.getRouteMatch(request).orElse(null);
    if (route instanceof UriRouteMatch<?, ?> uriRoute) {
      endpoint = uriRoute.getRouteInfo().getUriMatchTemplate().toPathString();
      if (uriRoute.getVariableValues().get("name") instanceof String s) {
        model = s;
      }
    }
    int status = response.code();
    meters.record(model, endpoint, Integer.toString(status), status >= 400, nanos);
  }
}
