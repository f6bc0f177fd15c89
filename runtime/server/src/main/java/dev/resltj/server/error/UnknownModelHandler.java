package dev.resltj.server.error;

import dev.resltj.server.api.ErrorBody;
import dev.resltj.server.models.UnknownModelException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** An unknown model name: 404. */
@Produces
@Singleton
final class UnknownModelHandler
    implements ExceptionHandler<UnknownModelException, HttpResponse<ErrorBody>> {
  @Override
  public HttpResponse<ErrorBody> handle(HttpRequest request, UnknownModelException exception) {
    return ErrorResponses.of(HttpStatus.NOT_FOUND, exception.getMessage());
  }
}
