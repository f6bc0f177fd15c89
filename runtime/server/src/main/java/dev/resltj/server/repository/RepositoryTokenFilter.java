package dev.resltj.server.repository;

import dev.resltj.server.api.ErrorBody;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Checks the bearer token of every repository call before its body is read or its route runs: none,
 * 401 with {@code WWW-Authenticate: Bearer}; a wrong one, 403; both with the JSON error body.
 */
@ServerFilter(RepositoryController.PATH + "/**")
@Requires(property = "reslt.repository.enabled", value = "true")
final class RepositoryTokenFilter {
  private final RepositoryAccess access;

  RepositoryTokenFilter(RepositoryAccess access) {
    this.access = access;
  }

  @RequestFilter
  @Nullable
  HttpResponse<ErrorBody> check(HttpRequest<?> request) {
    RepositoryAccess.Decision decision =
        access.check(request.getHeaders().get(HttpHeaders.AUTHORIZATION));
    return switch (decision) {
      case ALLOWED -> null;
      case NO_TOKEN ->
          HttpResponse.<ErrorBody>status(HttpStatus.UNAUTHORIZED)
              .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"reslt-repository\"")
              .contentType(MediaType.APPLICATION_JSON_TYPE)
              .body(new ErrorBody(RepositoryAccess.describe(decision)));
      case WRONG_TOKEN, DISABLED ->
          HttpResponse.<ErrorBody>status(HttpStatus.FORBIDDEN)
              .contentType(MediaType.APPLICATION_JSON_TYPE)
              .body(new ErrorBody(RepositoryAccess.describe(decision)));
    };
  }
}
