package dev.resltj.server.connection;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.ReadableBytes;
import java.time.Duration;
import java.util.Objects;

/**
 * How much of an unread request body the server drops before closing a connection ({@code
 * reslt.limits.drain.*}).
 *
 * @param maxBytes most bytes read and dropped after the server decided to close; beyond, the
 *     connection is reset
 * @param timeout longest wait for the client to finish sending
 */
@ConfigurationProperties("reslt.limits.drain")
public record DrainSettings(
    @Bindable(defaultValue = "64MB") @ReadableBytes long maxBytes,
    @Bindable(defaultValue = "5s") Duration timeout) {
  public DrainSettings {
    Objects.requireNonNull(timeout, "timeout");
    if (maxBytes < 0 || timeout.isNegative()) {
      throw new IllegalArgumentException(
          "reslt.limits.drain.max-bytes and timeout must not be negative, got "
              + maxBytes
              + " and "
              + timeout);
    }
  }
}
