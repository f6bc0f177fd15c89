package dev.resltj.server.inference;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code GET /v2/health/ready} and {@code GET /v2/models/{name}/ready} when ready (not ready is a
 * 503 error).
 *
 * @param name the model, for a model's readiness
 * @param ready true
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Readiness(@Nullable String name, boolean ready) {}
