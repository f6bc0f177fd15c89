package dev.resltj.server.error;

import dev.resltj.server.api.ErrorBody;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.stream.Collectors;

/**
 * A parameter outside its bounds (such as {@code top_k=0}): 400 with the constraints' own messages,
 * which name the parameter as the client wrote it.
 */
@Produces
@Singleton
@Replaces(ConstraintExceptionHandler.class)
final class ConstraintViolationHandler
    implements ExceptionHandler<ConstraintViolationException, HttpResponse<ErrorBody>> {
  @Override
  public HttpResponse<ErrorBody> handle(
      HttpRequest request, ConstraintViolationException exception) {
    String message =
        exception.getConstraintViolations().stream()
            .map(ConstraintViolation::getMessage)
            .sorted()
            .collect(Collectors.joining("; "));
    return ErrorResponses.of(HttpStatus.BAD_REQUEST, message);
  }
}
