package dev.resltj.server.connection;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import jakarta.inject.Singleton;

/** Puts a {@link DrainBeforeClose} in front of every accepted connection's pipeline. */
@Singleton
final class DrainingConnections
    implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
  private final DrainSettings settings;

  DrainingConnections(DrainSettings settings) {
    this.settings = settings;
  }

  @Override
  public NettyServerCustomizer.Registry onCreated(
      BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
    event.getBean().register(new Root());
    return event.getBean();
  }

  private final class Root implements NettyServerCustomizer {
    @Override
    public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
      return role == ChannelRole.CONNECTION ? new OnConnection(channel) : this;
    }
  }

  private final class OnConnection implements NettyServerCustomizer {
    private final Channel channel;

    OnConnection(Channel channel) {
      this.channel = channel;
    }

    @Override
    public void onInitialPipelineBuilt() {
      channel.pipeline().addFirst("reslt-drain-before-close", new DrainBeforeClose(settings));
    }
  }
}
