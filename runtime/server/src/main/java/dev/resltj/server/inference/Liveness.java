package dev.resltj.server.inference;

import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code GET /v2/health/live}.
 *
 * @param live always true: a server that can answer is live
 */
@Serdeable
public record Liveness(boolean live) {}
