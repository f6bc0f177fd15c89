package dev.resltj.server.inference;

import dev.resltj.runtime.TensorSpec;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A tensor of the model's signature.
 *
 * @param name its name in the graph
 * @param datatype {@code FP32}
 * @param shape its dimensions, {@code -1} where variable (the batch)
 */
@Serdeable
@Schema(name = "TensorMetadata")
public record TensorMetadata(
    @Schema(example = "image") String name,
    @Schema(example = "FP32") String datatype,
    @Schema(example = "[-1, 1, 28, 28]") List<Long> shape) {
  public TensorMetadata {
    shape = List.copyOf(shape);
  }

  static TensorMetadata of(TensorSpec spec) {
    return new TensorMetadata(spec.name(), spec.datatype(), spec.shape());
  }
}
