package dev.resltj.server.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/**
 * The optional body of a load or unload call: Triton's {@code parameters}. This server loads only
 * from its model folder, so it takes none except unload's {@code unload_dependents} (a model here
 * has no dependents).
 */
@Serdeable
public record ControlRequest(@Nullable Map<String, Object> parameters) {}
