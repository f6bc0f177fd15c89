package dev.resltj.server.error;

import dev.resltj.server.api.ErrorBody;
import dev.resltj.server.batching.DeadlineExceededException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A request not answered within its deadline: 504. */
@Produces
@Singleton
final class DeadlineExceededHandler
    implements ExceptionHandler<DeadlineExceededException, HttpResponse<ErrorBody>> {
  @Override
  public HttpResponse<ErrorBody> handle(HttpRequest request, DeadlineExceededException exception) {
    return ErrorResponses.of(HttpStatus.GATEWAY_TIMEOUT, exception.getMessage());
  }
}
