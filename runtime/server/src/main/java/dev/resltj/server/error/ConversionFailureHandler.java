package dev.resltj.server.error;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.resltj.server.api.ErrorBody;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.serde.exceptions.path.CollectionItemReferencePath;
import io.micronaut.serde.exceptions.path.MapItemReferencePath;
import io.micronaut.serde.exceptions.path.PropertyReferencePath;
import io.micronaut.serde.exceptions.path.ReferencePath;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.ListIterator;

/**
 * A body or parameter that cannot be converted to what the endpoint takes: 400 naming the JSON
 * field (such as {@code inputs[0].shape[0]}) or the query parameter as the client wrote it, instead
 * of Micronaut's message about Java arguments.
 */
@Produces
@Singleton
@Replaces(ConversionErrorHandler.class)
final class ConversionFailureHandler
    implements ExceptionHandler<ConversionErrorException, HttpResponse<ErrorBody>> {

  @Override
  public HttpResponse<ErrorBody> handle(HttpRequest request, ConversionErrorException exception) {
    Argument<?> argument = exception.getArgument();
    String message;
    if (argument.getAnnotationMetadata().hasAnnotation(Body.class)) {
      String path = jsonPath(exception);
      message =
          "invalid request body"
              + (path.isEmpty() ? "" : " at " + path)
              + ": "
              + FrameworkMessages.clean(rootMessage(exception));
    } else {
      String name =
          argument.getAnnotationMetadata().stringValue(Bindable.class).orElse(argument.getName());
      Object value = exception.getConversionError().getOriginalValue().orElse(null);
      message =
          "parameter '" + name + "' is '" + value + "': expected " + expected(argument.getType());
    }
    return ErrorResponses.of(HttpStatus.BAD_REQUEST, message);
  }

  private static String expected(Class<?> type) {
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    return "a " + type.getSimpleName();
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  /**
   * The JSON path of the failing value, such as {@code inputs[0].shape[0]}, when serde knows it.
   */
  private static String jsonPath(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof SerdeException serde && !serde.getPath().isEmpty()) {
        return format(serde.getPath());
      }
    }
    return "";
  }

  private static String format(List<ReferencePath> path) {
    StringBuilder s = new StringBuilder();
    // serde records the innermost reference first
    ListIterator<ReferencePath> it = path.listIterator(path.size());
    while (it.hasPrevious()) {
      ReferencePath p = it.previous();
      if (p instanceof PropertyReferencePath property) {
        Argument<?> arg = property.property();
        String name =
            arg.getAnnotationMetadata().stringValue(JsonProperty.class).orElse(arg.getName());
        s.append(s.length() == 0 ? "" : ".").append(name);
      } else if (p instanceof CollectionItemReferencePath item) {
        s.append('[').append(item.index()).append(']');
      } else if (p instanceof MapItemReferencePath entry) {
        s.append("[\"").append(entry.key()).append("\"]");
      }
    }
    return s.toString();
  }
}
