package dev.resltj.server.api;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Objects;

/**
 * The body of every error response.
 *
 * @param error what was wrong and, where it helps, what was expected
 */
@Serdeable
@Schema(name = "Error", description = "Every error response")
public record ErrorBody(
    @Schema(example = "no model named 'mnist'; this server serves digits") String error) {
  public ErrorBody {
    Objects.requireNonNull(error, "error");
  }
}
