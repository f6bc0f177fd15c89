package dev.resltj.server.inference;

import dev.resltj.server.api.ErrorBody;
import dev.resltj.server.error.InvalidRequestException;
import dev.resltj.server.models.ModelRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import java.util.OptionalInt;
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
  /** Triton's binary tensor data extension: the JSON header's length in the body. */
  static final String HEADER_LENGTH = "Inference-Header-Content-Length";

  private final InferenceService inference;
  private final ModelRegistry registry;
  private final JsonMapper json;

  InferenceController(InferenceService inference, ModelRegistry registry, JsonMapper json) {
    this.inference = inference;
    this.registry = registry;
    this.json = json;
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

  @Post(
      uri = "/infer",
      consumes = {MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM})
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
  @ApiResponse(
      responseCode = "200",
      description =
          "The outputs as JSON; with binary_data outputs, application/octet-stream: a JSON header of"
              + " Inference-Header-Content-Length bytes, then the outputs' raw bytes",
      content = @Content(schema = @Schema(implementation = InferenceResponse.class)))
  CompletableFuture<HttpResponse<?>> infer(
      @PathVariable String name,
      @Nullable @Header(HEADER_LENGTH) String headerLength,
      @Nullable
          @Body
          @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = InferenceRequest.class)))
          byte[] body) {
    return answer(inference.infer(name, Optional.empty(), body, headerLength(headerLength)));
  }

  @Post(
      uri = "/versions/{version}/infer",
      consumes = {MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM})
  @Operation(summary = "Run a version of the model")
  CompletableFuture<HttpResponse<?>> inferOnVersion(
      @PathVariable String name,
      @PathVariable String version,
      @Nullable @Header(HEADER_LENGTH) String headerLength,
      @Nullable
          @Body
          @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = InferenceRequest.class)))
          byte[] body) {
    return answer(inference.infer(name, Optional.of(version), body, headerLength(headerLength)));
  }

  private CompletableFuture<HttpResponse<?>> answer(CompletableFuture<InferenceResponse> response) {
    return response.thenApply(
        r -> {
          if (!BinaryTensors.wanted(r)) {
            return HttpResponse.ok(r);
          }
          BinaryTensors.Encoded encoded = BinaryTensors.encode(r, json);
          return HttpResponse.ok(encoded.body())
              .contentType(MediaType.APPLICATION_OCTET_STREAM_TYPE)
              .header(HEADER_LENGTH, Integer.toString(encoded.headerLength()));
        });
  }

  private static OptionalInt headerLength(String value) {
    if (value == null) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(value.trim()));
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(
          HEADER_LENGTH + " is '" + value + "': expected the JSON header's length in bytes");
    }
  }
}
