package dev.resltj.server.error;

import dev.resltj.server.api.ErrorBody;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/** Builds error responses in the one shape. */
final class ErrorResponses {
  private ErrorResponses() {}

  static MutableHttpResponse<ErrorBody> of(HttpStatus status, String message) {
    return HttpResponse.<ErrorBody>status(status)
        .contentType(MediaType.APPLICATION_JSON_TYPE)
        .body(new ErrorBody(message == null || message.isBlank() ? status.getReason() : message));
  }
}
