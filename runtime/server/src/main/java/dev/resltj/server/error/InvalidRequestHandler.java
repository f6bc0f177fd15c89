package dev.resltj.server.error;

import dev.resltj.server.api.ErrorBody;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A malformed request: 400. */
@Produces
@Singleton
final class InvalidRequestHandler
    implements ExceptionHandler<InvalidRequestException, HttpResponse<ErrorBody>> {
  @Override
  public HttpResponse<ErrorBody> handle(HttpRequest request, InvalidRequestException exception) {
    return ErrorResponses.of(HttpStatus.BAD_REQUEST, exception.getMessage());
  }
}
