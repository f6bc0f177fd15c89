package dev.resltj.server.error;

import dev.resltj.server.api.ErrorBody;
import dev.resltj.server.models.ModelLoadFailedException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A model file that failed to load on request: 400, as Triton answers it. */
@Produces
@Singleton
final class ModelLoadFailedHandler
    implements ExceptionHandler<ModelLoadFailedException, HttpResponse<ErrorBody>> {
  @Override
  public HttpResponse<ErrorBody> handle(HttpRequest request, ModelLoadFailedException exception) {
    return ErrorResponses.of(HttpStatus.BAD_REQUEST, exception.getMessage());
  }
}
