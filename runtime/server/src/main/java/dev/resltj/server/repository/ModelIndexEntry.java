package dev.resltj.server.repository;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.resltj.server.models.LoadedModel;
import dev.resltj.server.models.ModelStatus;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One model in the repository index, as Triton reports it.
 *
 * @param name the model's name
 * @param version its version
 * @param state {@code READY}, {@code LOADING} or {@code UNAVAILABLE} (failed or unloaded)
 * @param reason why it is unavailable, or why a ready model still serves its previous file; empty
 *     otherwise
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS) // Triton's index always has a reason, "" for none
public record ModelIndexEntry(String name, String version, String state, String reason) {

  public static ModelIndexEntry of(ModelStatus status) {
    String state =
        switch (status.state().phase()) {
          case READY -> "READY";
          case LOADING -> "LOADING";
          case FAILED, UNLOADED -> "UNAVAILABLE";
        };
    return new ModelIndexEntry(
        status.name(), LoadedModel.VERSION, state, status.state().reason().orElse(""));
  }

  public boolean ready() {
    return "READY".equals(state);
  }
}
