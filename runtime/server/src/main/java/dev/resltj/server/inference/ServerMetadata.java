package dev.resltj.server.inference;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * {@code GET /v2}.
 *
 * @param name the server
 * @param version its version
 * @param extensions protocol extensions it supports
 */
@Serdeable
@Schema(name = "ServerMetadata")
public record ServerMetadata(
    @Schema(example = "reslt-server") String name,
    @Schema(example = "0.1.0-SNAPSHOT") String version,
    @Schema(example = "[\"classification\"]") List<String> extensions) {
  public ServerMetadata {
    extensions = List.copyOf(extensions);
  }
}
