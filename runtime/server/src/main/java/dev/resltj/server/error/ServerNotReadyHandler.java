package dev.resltj.server.error;

import dev.resltj.server.api.ErrorBody;
import dev.resltj.server.models.ServerNotReadyException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Models still loading or failed: the readiness probe answers 503. */
@Produces
@Singleton
final class ServerNotReadyHandler
    implements ExceptionHandler<ServerNotReadyException, HttpResponse<ErrorBody>> {
  @Override
  public HttpResponse<ErrorBody> handle(HttpRequest request, ServerNotReadyException exception) {
    return ErrorResponses.of(HttpStatus.SERVICE_UNAVAILABLE, exception.getMessage());
  }
}
