package dev.resltj.server.classify;

import dev.resltj.server.api.ErrorBody;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /v1/models/{name}/classify}: the image as the raw body or as a multipart file. Runs
 * on the blocking pool because decoding an image is CPU work that must not hold an event loop.
 */
@Controller("/v1/models/{name}/classify")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Image classification")
@ApiResponse(
    responseCode = "400",
    description = "Not a decodable image, or a bad top_k",
    content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(
    responseCode = "404",
    description = "No model with that name",
    content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(
    responseCode = "413",
    description = "Body over the size limit, or an image over the pixel limit",
    content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(
    responseCode = "415",
    description = "Neither an image type nor multipart/form-data",
    content = @Content(schema = @Schema(implementation = ErrorBody.class)))
final class ClassifyController {
  private final ClassifyService classify;

  ClassifyController(ClassifyService classify) {
    this.classify = classify;
  }

  @Post(
      consumes = {
        MediaType.IMAGE_PNG,
        MediaType.IMAGE_JPEG,
        MediaType.IMAGE_GIF,
        MediaType.IMAGE_BMP,
        MediaType.APPLICATION_OCTET_STREAM
      })
  @Operation(summary = "Classify an image sent as the request body (PNG, JPEG, BMP, GIF)")
  CompletableFuture<ClassifyResponse> classifyBody(
      @PathVariable String name,
      @Nullable @Body byte[] image,
      @Parameter(description = "classes to return (default 5)") @Nullable @QueryValue("top_k")
          Integer topK) {
    return classify.classify(name, image, Optional.ofNullable(topK));
  }

  @Post(consumes = MediaType.MULTIPART_FORM_DATA)
  @Operation(summary = "Classify an image uploaded as the multipart part 'file'")
  CompletableFuture<ClassifyResponse> classifyUpload(
      @PathVariable String name,
      @Part("file") CompletedFileUpload file,
      @Parameter(description = "classes to return (default 5)") @Nullable @QueryValue("top_k")
          Integer topK) {
    return classify.classify(name, bytesOf(file), Optional.ofNullable(topK));
  }

  private static byte[] bytesOf(CompletedFileUpload file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the uploaded file", e);
    }
  }
}
