package dev.resltj.server.grpc;

import dev.resltj.server.repository.RepositoryAccess;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gRPC port: opened once the HTTP server is up, closed with the application after the calls in
 * flight finish (within {@link GrpcSettings#gracePeriod()}). grpc-java's own server with its shaded
 * Netty: it keeps its HTTP/2 stack apart from Micronaut's HTTP/1.1 one.
 */
@Singleton
@Requires(property = "reslt.grpc.enabled", notEquals = "false")
public final class GrpcServer implements ApplicationEventListener<ServerStartupEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(GrpcServer.class);

  private final GrpcSettings settings;
  private final InferenceGrpcService service;
  private final RepositoryAccess repositoryAccess;
  private volatile Server server;

  GrpcServer(
      GrpcSettings settings, InferenceGrpcService service, RepositoryAccess repositoryAccess) {
    this.settings = settings;
    this.service = service;
    this.repositoryAccess = repositoryAccess;
  }

  @Override
  public synchronized void onApplicationEvent(ServerStartupEvent event) {
    if (server != null) {
      return;
    }
    try {
      server =
          NettyServerBuilder.forAddress(new InetSocketAddress(settings.host(), settings.port()))
              .maxInboundMessageSize(settings.maxMessageSize())
              .addService(
                  ServerInterceptors.intercept(service, new RepositoryGuard(repositoryAccess)))
              .build()
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot open the gRPC port "
              + settings.host()
              + ":"
              + settings.port()
              + " (reslt.grpc.port; reslt.grpc.enabled=false turns it off)",
          e);
    }
    LOG.info("gRPC (inference.GRPCInferenceService) on {}:{}", settings.host(), port());
  }

  /** The port it listens on (the chosen one when configured as 0). */
  public int port() {
    Server s = server;
    if (s == null) {
      throw new IllegalStateException("the gRPC server has not started");
    }
    return s.getPort();
  }

  @PreDestroy
  synchronized void stop() {
    Server s = server;
    if (s == null) {
      return;
    }
    s.shutdown();
    try {
      if (!s.awaitTermination(settings.gracePeriod().toMillis(), TimeUnit.MILLISECONDS)) {
        s.shutdownNow();
      }
    } catch (InterruptedException e) {
      s.shutdownNow();
      Thread.currentThread().interrupt();
    }
    server = null;
  }
}
