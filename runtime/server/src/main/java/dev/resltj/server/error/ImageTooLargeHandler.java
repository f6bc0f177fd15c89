package dev.resltj.server.error;

import dev.resltj.runtime.ImageTooLargeException;
import dev.resltj.server.api.ErrorBody;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** An image over the pixel limit, refused from its header: 413. */
@Produces
@Singleton
final class ImageTooLargeHandler
    implements ExceptionHandler<ImageTooLargeException, HttpResponse<ErrorBody>> {
  @Override
  public HttpResponse<ErrorBody> handle(HttpRequest request, ImageTooLargeException exception) {
    return ErrorResponses.of(HttpStatus.REQUEST_ENTITY_TOO_LARGE, exception.getMessage());
  }
}
