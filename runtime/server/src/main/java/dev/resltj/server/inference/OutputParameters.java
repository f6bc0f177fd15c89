package dev.resltj.server.inference;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Parameters of a requested output.
 *
 * @param classification return the top k classes of each image as BYTES strings {@code
 *     "value:index:label"} instead of the tensor (Triton's classification extension)
 * @param binaryData {@code true}: the output's values follow the JSON header as raw bytes (Triton's
 *     binary tensor data extension)
 */
@Schema(name = "OutputParameters")
public record OutputParameters(
    @Nullable @Schema(example = "3") Integer classification,
    @Nullable @Schema(name = "binary_data") Boolean binaryData) {}
