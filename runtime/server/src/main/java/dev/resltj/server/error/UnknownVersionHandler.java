package dev.resltj.server.error;

import dev.resltj.server.api.ErrorBody;
import dev.resltj.server.models.UnknownVersionException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** An unknown model version: 404. */
@Produces
@Singleton
final class UnknownVersionHandler
    implements ExceptionHandler<UnknownVersionException, HttpResponse<ErrorBody>> {
  @Override
  public HttpResponse<ErrorBody> handle(HttpRequest request, UnknownVersionException exception) {
    return ErrorResponses.of(HttpStatus.NOT_FOUND, exception.getMessage());
  }
}
