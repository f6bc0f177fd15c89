package dev.resltj.server.inference;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
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
 * @param data the values, flat in row-major order; absent when they follow the JSON as binary data
 * @param parameters {@code binary_data_size} when the values follow the JSON as binary data
 * @param binary whether the client asked for this output as binary data (not sent)
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ResponseOutput")
public record ResponseOutput(
    @Schema(example = "probabilities") String name,
    @Schema(example = "FP32") String datatype,
    @Schema(example = "[1, 10]") List<Long> shape,
    @Nullable
        @Serdeable.Serializable(using = TensorDataSerializer.class)
        @Schema(description = "Values, flat in row-major order", type = "array")
        TensorData data,
    @Nullable Parameters parameters,
    @JsonIgnore @Schema(hidden = true) boolean binary) {
  public ResponseOutput {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(datatype, "datatype");
    shape = List.copyOf(shape);
  }

  /**
   * Parameters of a response tensor.
   *
   * @param binaryDataSize its byte count in the binary section after the JSON header
   */
  @Serdeable
  @Schema(name = "ResponseOutputParameters")
  public record Parameters(@JsonProperty("binary_data_size") long binaryDataSize) {}
}
