package org.hotline.server.http;

import static java.util.Objects.requireNonNull;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;

/** Binds the HTTP API to a port. Start once, close once; not thread-safe. */
public final class HttpServer implements AutoCloseable {
  private final RequestDispatcher dispatcher;
  private final io.netty.channel.ChannelHandler upgrades;
  private final EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  /** One event loop per core: answering is CPU-bound, so more loops would only contend. */
  private final EventLoopGroup workers = new MultiThreadIoEventLoopGroup(
      Runtime.getRuntime().availableProcessors(), NioIoHandler.newFactory());
  private Channel channel;

  public HttpServer(RequestDispatcher dispatcher) {
    this(dispatcher, null);
  }

  /**
   * @param upgrades a sharable handler placed before the dispatcher that takes WebSocket upgrade
   *     requests it owns and passes the rest on; null for none
   */
  public HttpServer(RequestDispatcher dispatcher, io.netty.channel.ChannelHandler upgrades) {
    this.dispatcher = requireNonNull(dispatcher, "dispatcher");
    this.upgrades = upgrades;
  }

  /** Binds to the port (0 for any free port) and returns the bound port. */
  public int start(String host, int port) throws InterruptedException {
    channel = new ServerBootstrap()
        .group(boss, workers)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 1024)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new HttpServerInitializer(dispatcher, upgrades))
        .bind(host, port)
        .sync()
        .channel();
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  @Override
  public void close() {
    if (channel != null) {
      channel.close().syncUninterruptibly();
    }
    boss.shutdownGracefully();
    workers.shutdownGracefully();
  }
}
