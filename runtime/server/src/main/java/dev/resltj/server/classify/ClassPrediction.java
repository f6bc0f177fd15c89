package dev.resltj.server.classify;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Objects;

/**
 * One class of a classification.
 *
 * @param label the class label from the model card
 * @param index the class index in the model's output
 * @param probability softmax probability, in [0, 1]
 * @param group {@code head}, {@code medium} or {@code tail}; absent when the model has no groups
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ClassPrediction")
public record ClassPrediction(
    @Schema(example = "7") String label,
    @Schema(example = "7") int index,
    @Schema(example = "0.9931") float probability,
    @Nullable
        @Schema(
            example = "tail",
            allowableValues = {"head", "medium", "tail"})
        String group) {
  public ClassPrediction {
    Objects.requireNonNull(label, "label");
  }
}
