package dev.resltj.server.error;

import dev.resltj.server.api.ErrorBody;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.stream.Collectors;

/**
 * Gives the errors Micronaut raises itself (no route 404, 405, wrong content type 415, body too
 * large 413, unreadable JSON and failed validation 400) the same {@code {"error": "..."}} body as
 * ours, instead of its default body.
 */
@Singleton
final class JsonErrorResponseProcessor implements ErrorResponseProcessor<ErrorBody> {

  @Override
  public MutableHttpResponse<ErrorBody> processResponse(
      ErrorContext context, MutableHttpResponse<?> response) {
    @SuppressWarnings("unchecked")
    MutableHttpResponse<ErrorBody> typed = (MutableHttpResponse<ErrorBody>) response;
    if (context.getRequest().getMethod() == HttpMethod.HEAD) {
      return typed;
    }
    String message =
        context.getErrors().stream()
            .map(Error::getMessage)
            .map(FrameworkMessages::clean)
            .collect(Collectors.joining("; "));
    if (message.isBlank()) {
      message = response.status().getReason();
    }
    return typed.body(new ErrorBody(message)).contentType(MediaType.APPLICATION_JSON_TYPE);
  }
}
