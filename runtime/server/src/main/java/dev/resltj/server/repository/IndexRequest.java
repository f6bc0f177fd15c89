package dev.resltj.server.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The optional body of an index call.
 *
 * @param ready list only the models ready for inference
 */
@Serdeable
public record IndexRequest(@Nullable Boolean ready) {}
