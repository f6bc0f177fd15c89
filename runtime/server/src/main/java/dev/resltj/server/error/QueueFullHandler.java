package dev.resltj.server.error;

import dev.resltj.server.api.ErrorBody;
import dev.resltj.server.batching.QueueFullException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A full queue: 503 at once with {@code Retry-After}, so clients back off instead of piling on. */
@Produces
@Singleton
final class QueueFullHandler
    implements ExceptionHandler<QueueFullException, HttpResponse<ErrorBody>> {
  @Override
  public HttpResponse<ErrorBody> handle(HttpRequest request, QueueFullException exception) {
    long seconds = Math.max(1, exception.retryAfter().toSeconds());
    return ErrorResponses.of(HttpStatus.SERVICE_UNAVAILABLE, exception.getMessage())
        .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
  }
}
