package dev.resltj.server.error;

import dev.resltj.runtime.InferenceException;
import dev.resltj.server.api.ErrorBody;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The model run itself failed: our fault, 500, logged with its cause. */
@Produces
@Singleton
final class InferenceFailureHandler
    implements ExceptionHandler<InferenceException, HttpResponse<ErrorBody>> {
  private static final Logger LOG = LoggerFactory.getLogger(InferenceFailureHandler.class);

  @Override
  public HttpResponse<ErrorBody> handle(HttpRequest request, InferenceException exception) {
    LOG.error("inference failed for {} {}", request.getMethod(), request.getPath(), exception);
    return ErrorResponses.of(
        HttpStatus.INTERNAL_SERVER_ERROR, "inference failed: " + exception.getMessage());
  }
}
