package dev.resltj.server.inference;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * {@code POST /v2/models/{name}/infer}. Fields are checked by {@link InferenceService} against the
 * model, so each problem gets a message naming the field.
 *
 * @param id echoed in the response
 * @param inputs the input tensors: one, named as the model's input ({@code image})
 * @param outputs the outputs wanted; all of them when absent
 * @param binaryOutputs {@code parameters.binary_data_output}: every output as binary data
 */
@Schema(name = "InferenceRequest")
public record InferenceRequest(
    @Nullable @Schema(description = "Echoed in the response", example = "42") String id,
    @Nullable List<RequestInput> inputs,
    @Nullable List<RequestedOutput> outputs,
    @Schema(hidden = true) boolean binaryOutputs) {}
