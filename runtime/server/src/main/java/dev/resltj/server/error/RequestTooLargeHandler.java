package dev.resltj.server.error;

import dev.resltj.server.api.ErrorBody;
import dev.resltj.server.batching.RequestTooLargeException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** More images in one request than a model's queue holds: 413. */
@Produces
@Singleton
final class RequestTooLargeHandler
    implements ExceptionHandler<RequestTooLargeException, HttpResponse<ErrorBody>> {
  @Override
  public HttpResponse<ErrorBody> handle(HttpRequest request, RequestTooLargeException exception) {
    return ErrorResponses.of(HttpStatus.REQUEST_ENTITY_TOO_LARGE, exception.getMessage());
  }
}
