package dev.resltj.server.inference;

import dev.resltj.server.api.ErrorBody;
import dev.resltj.server.models.ModelRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Open Inference Protocol: model metadata, readiness and inference, with or without a version in
 * the path. Inference is queued to the model's batcher, so no event-loop thread waits on a model.
 */
@Controller("/v2/models/{name}")
@Tag(name = "Open Inference Protocol")
@ApiResponse(
    responseCode = "404",
    description = "No model or version with that name",
    content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(
    responseCode = "503",
    description = "The model is loading or failed to load",
    content = @Content(schema = @Schema(implementation = ErrorBody.class)))
final class InferenceController {
  private final InferenceService inference;
  private final ModelRegistry registry;

  InferenceController(InferenceService inference, ModelRegistry registry) {
    this.inference = inference;
    this.registry = registry;
  }

  @Get
  @Operation(summary = "Model metadata: platform, versions, input and output tensors")
  ModelMetadata metadata(@PathVariable String name) {
    return inference.metadata(name, Optional.empty());
  }

  @Get("/versions/{version}")
  @Operation(summary = "Model metadata for a version")
  ModelMetadata metadataOfVersion(@PathVariable String name, @PathVariable String version) {
    return inference.metadata(name, Optional.of(version));
  }

  @Get("/ready")
  @Operation(summary = "Model readiness: 200 when loaded and warm, 503 otherwise")
  Readiness ready(@PathVariable String name) {
    registry.require(name, Optional.empty());
    return new Readiness(name, true);
  }

  @Get("/versions/{version}/ready")
  @Operation(summary = "Model readiness for a version")
  Readiness readyOfVersion(@PathVariable String name, @PathVariable String version) {
    registry.require(name, Optional.of(version));
    return new Readiness(name, true);
  }

  @Post(uri = "/infer", consumes = MediaType.APPLICATION_JSON)
  @Operation(summary = "Run the model on FP32 tensors; top-k with parameters.classification")
  @ApiResponse(
      responseCode = "400",
      description = "Malformed request: the message names the field",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  @ApiResponse(
      responseCode = "413",
      description = "Body over the size limit, or more images than the queue holds",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  @ApiResponse(
      responseCode = "504",
      description = "Not answered within the deadline",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  CompletableFuture<InferenceResponse> infer(
      @PathVariable String name,
      @Nullable
          @Body
          @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = InferenceRequest.class)))
          byte[] body) {
    return inference.infer(name, Optional.empty(), body);
  }

  @Post(uri = "/versions/{version}/infer", consumes = MediaType.APPLICATION_JSON)
  @Operation(summary = "Run a version of the model")
  CompletableFuture<InferenceResponse> inferOnVersion(
      @PathVariable String name,
      @PathVariable String version,
      @Nullable
          @Body
          @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = InferenceRequest.class)))
          byte[] body) {
    return inference.infer(name, Optional.of(version), body);
  }
}
