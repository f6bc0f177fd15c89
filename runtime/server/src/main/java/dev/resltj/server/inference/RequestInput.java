package dev.resltj.server.inference;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One input tensor of an inference request. Fields a client left out are null here and reported by
 * {@link InferenceService} with the field's name.
 *
 * @param name the model's input name ({@code image})
 * @param shape {@code [N, C, H, W]}
 * @param datatype {@code FP32}
 * @param data {@code N*C*H*W} numbers, flat in row-major order or nested exactly as {@code shape}
 * @param binaryDataSize the tensor's byte count in the binary section after the JSON header
 *     (Triton's binary tensor data extension), instead of {@code data}
 */
@Schema(name = "RequestInput")
public record RequestInput(
    @Nullable @Schema(example = "image") String name,
    @Nullable @Schema(example = "[1, 1, 28, 28]") List<Long> shape,
    @Nullable @Schema(example = "FP32") String datatype,
    @Nullable
        @Schema(
            description = "Numbers, flat in row-major order or nested as the shape",
            type = "array",
            implementation = Object.class)
        InputData data,
    @Nullable @Schema(hidden = true) Long binaryDataSize) {
  public RequestInput {
    shape = shape == null ? null : List.copyOf(shape);
  }
}
