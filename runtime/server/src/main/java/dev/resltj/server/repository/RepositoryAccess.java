package dev.resltj.server.repository;

import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Decides whether a caller may use the repository API, the same way for REST and gRPC. Created at
 * startup, so a configuration that enables the API without a token stops the server at once.
 */
@Context
public final class RepositoryAccess {
  private static final String BEARER = "Bearer ";

  /** The answer to one call. */
  public enum Decision {
    ALLOWED,
    /** The API is off: answer as if it did not exist. */
    DISABLED,
    /** No bearer token was sent: 401 / UNAUTHENTICATED. */
    NO_TOKEN,
    /** A token was sent and is not the one configured: 403 / PERMISSION_DENIED. */
    WRONG_TOKEN
  }

  private final boolean enabled;
  private final Optional<byte[]> expectedDigest;

  RepositoryAccess(RepositorySettings settings) {
    this.enabled = settings.enabled();
    this.expectedDigest = settings.requiredToken().map(RepositoryAccess::digest);
  }

  /** Whether the repository API is served at all. */
  public boolean enabled() {
    return enabled;
  }

  /**
   * @param authorization the {@code Authorization} header (or gRPC metadata) as sent, or null
   */
  public Decision check(@Nullable String authorization) {
    if (!enabled) {
      return Decision.DISABLED;
    }
    if (expectedDigest.isEmpty()) {
      return Decision.ALLOWED; // allow-anonymous, chosen explicitly
    }
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Decision.NO_TOKEN;
    }
    byte[] presented = digest(authorization.substring(BEARER.length()).strip());
    // equal-length digests compared in constant time: the answer time says nothing of the token
    return MessageDigest.isEqual(presented, expectedDigest.get())
        ? Decision.ALLOWED
        : Decision.WRONG_TOKEN;
  }

  /** The message for a refused call. */
  public static String describe(Decision decision) {
    return switch (decision) {
      case NO_TOKEN ->
          "the repository API needs the bearer token: send 'Authorization: Bearer <token>' with"
              + " the token configured as reslt.repository.token";
      case WRONG_TOKEN ->
          "the bearer token is not the repository token configured as reslt.repository.token";
      case DISABLED -> "the repository API is off (reslt.repository.enabled)";
      case ALLOWED -> "allowed";
    };
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
