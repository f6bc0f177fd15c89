package dev.resltj.server.repository;

import dev.resltj.server.api.ErrorBody;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Triton's model repository extension over REST. Only routed when {@code reslt.repository.enabled};
 * {@link RepositoryTokenFilter} checks the token first.
 */
@Controller(RepositoryController.PATH)
@Requires(property = "reslt.repository.enabled", value = "true")
@Tag(name = "Model repository")
@ApiResponse(
    responseCode = "401",
    description = "No bearer token",
    content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(
    responseCode = "403",
    description = "Not the repository token",
    content = @Content(schema = @Schema(implementation = ErrorBody.class)))
final class RepositoryController {
  static final String PATH = "/v2/repository";

  private final ModelRepository repository;

  RepositoryController(ModelRepository repository) {
    this.repository = repository;
  }

  @Post("/index")
  @Operation(summary = "Every model in the model folder with its state and reason")
  List<ModelIndexEntry> index(@Nullable @Body IndexRequest request) {
    return repository.index(request != null && Boolean.TRUE.equals(request.ready()));
  }

  @Post("/models/{name}/load")
  @Operation(
      summary =
          "Load or reload <name>.onnx from the model folder; answers once it is warm and serving")
  @ApiResponse(
      responseCode = "400",
      description = "The file failed to load (the model loaded before keeps serving)",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  @ApiResponse(
      responseCode = "404",
      description = "No such file in the model folder",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  CompletableFuture<ModelIndexEntry> load(
      @PathVariable String name, @Nullable @Body ControlRequest request) {
    return repository.load(name, parameters(request));
  }

  @Post("/models/{name}/unload")
  @Operation(summary = "Stop serving a model; requests in progress finish first")
  @ApiResponse(
      responseCode = "404",
      description = "No model with that name",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  CompletableFuture<ModelIndexEntry> unload(
      @PathVariable String name, @Nullable @Body ControlRequest request) {
    return repository.unload(name, parameters(request));
  }

  private static Set<String> parameters(@Nullable ControlRequest request) {
    Map<String, Object> p = request == null ? null : request.parameters();
    return p == null ? Set.of() : p.keySet();
  }
}
