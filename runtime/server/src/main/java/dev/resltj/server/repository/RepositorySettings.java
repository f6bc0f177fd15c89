package dev.resltj.server.repository;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.Optional;

/**
 * The repository API ({@code reslt.repository.*}).
 *
 * @param enabled serve {@code /v2/repository/...} and the gRPC repository calls; off, they do not
 *     exist (404, gRPC UNIMPLEMENTED)
 * @param token the bearer token every call must send ({@code Authorization: Bearer <token>});
 *     required when enabled, unless {@code allowAnonymous}
 * @param allowAnonymous let anyone who reaches the port load and unload models, without a token:
 *     only for a port no one else can reach
 */
@ConfigurationProperties("reslt.repository")
public record RepositorySettings(
    @Bindable(defaultValue = "false") boolean enabled,
    @Nullable String token,
    @Bindable(defaultValue = "false") boolean allowAnonymous) {

  /** Shortest token accepted: a guessable token is no guard. */
  static final int MIN_TOKEN_LENGTH = 16;

  public RepositorySettings {
    token = token == null || token.isBlank() ? null : token.strip();
    if (enabled && token == null && !allowAnonymous) {
      throw new IllegalArgumentException(
          "reslt.repository.enabled is true but reslt.repository.token is not set: set a token of"
              + " at least "
              + MIN_TOKEN_LENGTH
              + " characters (RESLT_REPOSITORY_TOKEN), or set reslt.repository.allow-anonymous to"
              + " true to let anyone who reaches the port load and unload models");
    }
    if (token != null && allowAnonymous) {
      throw new IllegalArgumentException(
          "reslt.repository.token is set and reslt.repository.allow-anonymous is true: choose one");
    }
    if (token != null && token.length() < MIN_TOKEN_LENGTH) {
      throw new IllegalArgumentException(
          "reslt.repository.token has "
              + token.length()
              + " characters: use at least "
              + MIN_TOKEN_LENGTH
              + " (for example: openssl rand -hex 24)");
    }
  }

  /** The token, when one is required. */
  public Optional<String> requiredToken() {
    return Optional.ofNullable(token);
  }

  @Override
  public String toString() {
    return "RepositorySettings[enabled="
        + enabled
        + ", token="
        + (token == null ? "none" : "(set)")
        + ", allowAnonymous="
        + allowAnonymous
        + "]";
  }
}
