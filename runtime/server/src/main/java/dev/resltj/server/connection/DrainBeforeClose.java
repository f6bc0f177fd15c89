package dev.resltj.server.connection;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.TimeUnit;

/**
 * First handler of a connection's pipeline. When the server closes a connection whose client may
 * still be sending (Micronaut answers 413 from the {@code Content-Length} header, and closes at
 * once when the request said {@code Connection: close}), a plain close would leave unread bytes in
 * the socket and the kernel would reset the connection: the client gets a broken pipe and never
 * reads the answer. Instead this handler flushes the answer, shuts down the output side only (the
 * client sees the end of the response), then reads and drops whatever still arrives until the
 * client closes, {@link DrainSettings#maxBytes()} have been dropped, or {@link
 * DrainSettings#timeout()} has passed, and only then closes.
 */
final class DrainBeforeClose extends ChannelDuplexHandler {
  private final DrainSettings settings;
  private boolean draining;
  private long dropped;

  DrainBeforeClose(DrainSettings settings) {
    this.settings = settings;
  }

  @Override
  public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
    if (draining) {
      // someone else closes while we drain (idle timeout, shutdown): the drain decides
      ctx.channel().closeFuture().addListener(f -> promise.trySuccess());
      return;
    }
    if (!(ctx.channel() instanceof SocketChannel socket)
        || !socket.isActive()
        || socket.isInputShutdown()
        || settings.maxBytes() == 0) {
      ctx.close(promise);
      return;
    }
    draining = true;
    socket.closeFuture().addListener(f -> promise.trySuccess());
    // the empty write completes after every earlier write: shutting the output down before that
    // would fail the answer still in the outbound buffer
    ctx.writeAndFlush(Unpooled.EMPTY_BUFFER)
        .addListener(
            (ChannelFutureListener)
                written -> {
                  if (!written.isSuccess()) {
                    ctx.close();
                    return;
                  }
                  socket
                      .shutdownOutput()
                      .addListener(
                          shut -> {
                            if (!shut.isSuccess()) {
                              ctx.close();
                              return;
                            }
                            ctx.executor()
                                .schedule(
                                    () -> {
                                      ctx.close();
                                    },
                                    settings.timeout().toMillis(),
                                    TimeUnit.MILLISECONDS);
                            socket.config().setAutoRead(true);
                            ctx.read();
                          });
                });
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!draining) {
      ctx.fireChannelRead(msg);
      return;
    }
    dropped += size(msg);
    ReferenceCountUtil.release(msg);
    if (dropped > settings.maxBytes()) {
      ctx.close();
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    if (!draining) {
      ctx.fireChannelReadComplete();
    }
  }

  private static long size(Object msg) {
    if (msg instanceof ByteBuf buf) {
      return buf.readableBytes();
    }
    if (msg instanceof ByteBufHolder holder) {
      return holder.content().readableBytes();
    }
    return 0;
  }
}
