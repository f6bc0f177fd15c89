package dev.resltj.server.inference;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Objects;

/**
 * One output tensor of an inference response.
 *
 * @param name the output's name
 * @param datatype {@code FP32}, or {@code BYTES} for classification strings
 * @param shape the concrete shape, first dimension the number of images
 * @param data the values, flat in row-major order
 */
@Serdeable
@Schema(name = "ResponseOutput")
public record ResponseOutput(
    @Schema(example = "probabilities") String name,
    @Schema(example = "FP32") String datatype,
    @Schema(example = "[1, 10]") List<Long> shape,
    @Serdeable.Serializable(using = TensorDataSerializer.class)
        @Schema(description = "Values, flat in row-major order", type = "array")
        TensorData data) {
  public ResponseOutput {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(datatype, "datatype");
    shape = List.copyOf(shape);
    Objects.requireNonNull(data, "data");
  }
}
