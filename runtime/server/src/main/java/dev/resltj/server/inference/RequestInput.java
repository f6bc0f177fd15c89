package dev.resltj.server.inference;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One input tensor of an inference request.
 *
 * @param name the model's input name ({@code image})
 * @param shape {@code [N, C, H, W]}
 * @param datatype {@code FP32}
 * @param data {@code N*C*H*W} numbers, flat in row-major order or nested exactly as {@code shape};
 *     kept as a JSON tree so that each bad element gets a message naming its position
 */
@Serdeable
@Schema(name = "RequestInput")
public record RequestInput(
    @Nullable @Schema(example = "image") String name,
    @Nullable @Schema(example = "[1, 1, 28, 28]") List<Long> shape,
    @Nullable @Schema(example = "FP32") String datatype,
    @Nullable
        @Schema(
            description = "Numbers, flat in row-major order or nested as the shape",
            type = "array")
        JsonNode data) {}
