package dev.resltj.server.grpc;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.ReadableBytes;
import java.time.Duration;
import java.util.Objects;

/**
 * The gRPC service ({@code reslt.grpc.*}).
 *
 * @param enabled whether the gRPC port is opened
 * @param host interface to listen on (the HTTP server's by default)
 * @param port port; 0 picks a free one
 * @param maxMessageSize largest request message; larger ones get RESOURCE_EXHAUSTED
 * @param gracePeriod on shutdown, how long calls in flight may take
 */
@ConfigurationProperties("reslt.grpc")
public record GrpcSettings(
    @Bindable(defaultValue = "true") boolean enabled,
    @Bindable(defaultValue = "0.0.0.0") String host,
    @Bindable(defaultValue = "8081") int port,
    @Bindable(defaultValue = "4MB") @ReadableBytes int maxMessageSize,
    @Bindable(defaultValue = "10s") Duration gracePeriod) {
  public GrpcSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(gracePeriod, "gracePeriod");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("reslt.grpc.port must be 0..65535, got " + port);
    }
    if (maxMessageSize < 1) {
      throw new IllegalArgumentException(
          "reslt.grpc.max-message-size must be positive, got " + maxMessageSize);
    }
  }
}
