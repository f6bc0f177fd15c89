package dev.resltj.server.classify;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Objects;

/**
 * The answer of {@code POST /v1/models/{name}/classify}.
 *
 * @param model the model that answered
 * @param predictions the most probable classes, most probable first
 * @param timingMs server time for this request: decoding, queueing, the model run, in milliseconds
 */
@Serdeable
@Schema(name = "ClassifyResponse")
public record ClassifyResponse(
    @Schema(example = "reslt-mnist-lt") String model,
    List<ClassPrediction> predictions,
    @JsonProperty("timing_ms") @Schema(example = "0.412") double timingMs) {
  public ClassifyResponse {
    Objects.requireNonNull(model, "model");
    predictions = List.copyOf(predictions);
  }
}
