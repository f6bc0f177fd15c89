package dev.resltj.server.inference;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * {@code GET /v2/models/{name}}.
 *
 * @param name the model's name
 * @param versions its versions
 * @param platform {@code onnxruntime_onnx}
 * @param inputs its input tensors
 * @param outputs its output tensors
 */
@Serdeable
@Schema(name = "ModelMetadata")
public record ModelMetadata(
    @Schema(example = "reslt-mnist-lt") String name,
    @Schema(example = "[\"1\"]") List<String> versions,
    @Schema(example = "onnxruntime_onnx") String platform,
    List<TensorMetadata> inputs,
    List<TensorMetadata> outputs) {
  /** What Triton and KServe call an ONNX Runtime model. */
  public static final String PLATFORM = "onnxruntime_onnx";

  public ModelMetadata {
    versions = List.copyOf(versions);
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }
}
