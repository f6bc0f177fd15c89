package dev.resltj.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.resltj.server.models.ModelStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Locale;

/**
 * One entry of {@code GET /v1/models}.
 *
 * @param name the model's name in URLs
 * @param state {@code loading}, {@code ready}, {@code failed} or {@code unloaded}
 * @param reason why it failed or was unloaded; for a ready model, why its replacement did not load
 *     (it serves the file loaded before)
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ModelSummary")
public record ModelSummary(
    @Schema(example = "reslt-mnist-lt") String name,
    @Schema(
            example = "ready",
            allowableValues = {"loading", "ready", "failed", "unloaded"})
        String state,
    @Nullable String reason) {

  public static ModelSummary of(ModelStatus status) {
    return new ModelSummary(
        status.name(),
        status.state().phase().name().toLowerCase(Locale.ROOT),
        status.state().reason().orElse(null));
  }
}
