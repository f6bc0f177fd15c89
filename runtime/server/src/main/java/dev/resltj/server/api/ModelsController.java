package dev.resltj.server.api;

import dev.resltj.server.models.ModelRegistry;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;

/** The served models and their cards, for people and the web page. */
@Controller("/v1/models")
@Tag(name = "Models")
final class ModelsController {
  private final ModelRegistry registry;

  ModelsController(ModelRegistry registry) {
    this.registry = registry;
  }

  @Get
  @Operation(summary = "Every model found in the model folder, with its state")
  List<ModelSummary> list() {
    return registry.models().stream().map(ModelSummary::of).toList();
  }

  @Get("/{name}")
  @Operation(summary = "A model's card: labels, long-tail groups, input, training method, metrics")
  @ApiResponse(
      responseCode = "404",
      description = "No model with that name",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  @ApiResponse(
      responseCode = "503",
      description = "The model is loading or failed to load",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  ModelInfo card(@PathVariable String name) {
    return ModelInfo.of(registry.require(name, Optional.empty()));
  }
}
