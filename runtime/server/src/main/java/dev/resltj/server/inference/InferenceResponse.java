package dev.resltj.server.inference;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Objects;

/**
 * The answer to an inference request.
 *
 * @param modelName the model that answered
 * @param modelVersion its version
 * @param id the request's id, when it had one
 * @param outputs the requested outputs, in the requested order (the model's order by default)
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "InferenceResponse")
public record InferenceResponse(
    @JsonProperty("model_name") String modelName,
    @JsonProperty("model_version") String modelVersion,
    @Nullable String id,
    List<ResponseOutput> outputs) {
  public InferenceResponse {
    Objects.requireNonNull(modelName, "modelName");
    Objects.requireNonNull(modelVersion, "modelVersion");
    outputs = List.copyOf(outputs);
  }
}
