package dev.resltj.server.inference;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An output the client wants.
 *
 * @param name an output of the model ({@code logits}, {@code probabilities}, ...)
 * @param parameters {@code {"classification": k}} for the top k as {@code "value:index:label"}
 */
@Schema(name = "RequestedOutput")
public record RequestedOutput(
    @Nullable @Schema(example = "probabilities") String name,
    @Nullable OutputParameters parameters) {}
