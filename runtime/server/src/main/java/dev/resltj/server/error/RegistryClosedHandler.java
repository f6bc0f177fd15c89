package dev.resltj.server.error;

import dev.resltj.server.api.ErrorBody;
import dev.resltj.server.models.RegistryClosedException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A load or unload while the server shuts down: 503. */
@Produces
@Singleton
final class RegistryClosedHandler
    implements ExceptionHandler<RegistryClosedException, HttpResponse<ErrorBody>> {
  @Override
  public HttpResponse<ErrorBody> handle(HttpRequest request, RegistryClosedException exception) {
    return ErrorResponses.of(HttpStatus.SERVICE_UNAVAILABLE, exception.getMessage());
  }
}
