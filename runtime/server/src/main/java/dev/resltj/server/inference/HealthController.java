package dev.resltj.server.inference;

import dev.resltj.server.api.ErrorBody;
import dev.resltj.server.models.ModelRegistry;
import dev.resltj.server.models.ServerNotReadyException;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Open Inference Protocol: server health and metadata. */
@Controller("/v2")
@Tag(name = "Open Inference Protocol")
final class HealthController {
  private final ModelRegistry registry;
  private final ServerMetadata metadata;

  HealthController(ModelRegistry registry, InferenceService inference) {
    this.registry = registry;
    this.metadata = inference.serverMetadata();
  }

  @Get
  @Operation(summary = "Server metadata: name, version, protocol extensions")
  ServerMetadata server() {
    return metadata;
  }

  @Get("/health/live")
  @Operation(summary = "Liveness: 200 whenever the server answers")
  Liveness live() {
    return new Liveness(true);
  }

  @Get("/health/ready")
  @Operation(summary = "Readiness: 200 once every model is loaded and warm, 503 before")
  @ApiResponse(responseCode = "200", description = "Every model is ready")
  @ApiResponse(
      responseCode = "503",
      description = "A model is loading or failed, or there are none",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  Readiness ready() {
    if (!registry.allReady()) {
      throw new ServerNotReadyException(registry.models());
    }
    return new Readiness(null, true);
  }
}
