package dev.resltj.server.error;

import dev.resltj.runtime.InvalidInputException;
import dev.resltj.server.api.ErrorBody;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Input the model cannot take (undecodable image, wrong tensor): 400. */
@Produces
@Singleton
final class InvalidInputHandler
    implements ExceptionHandler<InvalidInputException, HttpResponse<ErrorBody>> {
  @Override
  public HttpResponse<ErrorBody> handle(HttpRequest request, InvalidInputException exception) {
    return ErrorResponses.of(HttpStatus.BAD_REQUEST, exception.getMessage());
  }
}
