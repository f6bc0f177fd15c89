package dev.resltj.server.error;

import dev.resltj.server.api.ErrorBody;
import dev.resltj.server.models.ModelNotReadyException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A model still loading or failed: 503. */
@Produces
@Singleton
final class ModelNotReadyHandler
    implements ExceptionHandler<ModelNotReadyException, HttpResponse<ErrorBody>> {
  @Override
  public HttpResponse<ErrorBody> handle(HttpRequest request, ModelNotReadyException exception) {
    return ErrorResponses.of(HttpStatus.SERVICE_UNAVAILABLE, exception.getMessage());
  }
}
