package org.hotline.server.http;

import static java.util.Objects.requireNonNull;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.cors.CorsConfig;
import io.netty.handler.codec.http.cors.CorsConfigBuilder;
import java.net.InetSocketAddress;
import java.util.List;

/** Binds the HTTP API to a port. Start once, close once; not thread-safe. */
public final class HttpServer implements AutoCloseable {
  private final RequestDispatcher dispatcher;
  private final io.netty.channel.ChannelHandler upgrades;
  private final CorsConfig cors;
  private final Transport transport;
  private final EventLoopGroup boss;
  /** One event loop per core: answering is CPU-bound, so more loops would only contend. */
  private final EventLoopGroup workers;
  private Channel channel;

  public HttpServer(RequestDispatcher dispatcher) {
    this(dispatcher, null, List.of("*"));
  }

  /**
   * @param upgrades a sharable handler placed before the dispatcher that takes WebSocket upgrade
   *     requests it owns and passes the rest on; null for none
   * @param allowedOrigins origins whose pages may call the API ("*" for any); authentication is by
   *     bearer token, never cookies, so another origin gains nothing it could not do itself
   */
  public HttpServer(RequestDispatcher dispatcher, io.netty.channel.ChannelHandler upgrades,
      List<String> allowedOrigins) {
    this(dispatcher, upgrades, allowedOrigins, Transport.best());
  }

  HttpServer(RequestDispatcher dispatcher, io.netty.channel.ChannelHandler upgrades,
      List<String> allowedOrigins, Transport transport) {
    this.dispatcher = requireNonNull(dispatcher, "dispatcher");
    this.transport = requireNonNull(transport, "transport");
    this.upgrades = upgrades;
    CorsConfigBuilder builder = allowedOrigins.contains("*") ? CorsConfigBuilder.forAnyOrigin()
        : CorsConfigBuilder.forOrigins(allowedOrigins.toArray(String[]::new));
    this.cors = builder
        .allowedRequestMethods(HttpMethod.GET, HttpMethod.POST)
        .allowedRequestHeaders(HttpHeaderNames.AUTHORIZATION, HttpHeaderNames.CONTENT_TYPE)
        .maxAge(600)
        .build();
    // Threads last: a constructor that throws leaves none running.
    this.boss = new MultiThreadIoEventLoopGroup(1, transport.ioHandlerFactory());
    this.workers = new MultiThreadIoEventLoopGroup(
        Runtime.getRuntime().availableProcessors(), transport.ioHandlerFactory());
  }

  /** Binds to the port (0 for any free port) and returns the bound port. */
  public int start(String host, int port) throws InterruptedException {
    channel = new ServerBootstrap()
        .group(boss, workers)
        .channel(transport.serverChannel())
        .option(ChannelOption.SO_BACKLOG, 1024)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new HttpServerInitializer(dispatcher, upgrades, cors))
        .bind(host, port)
        .sync()
        .channel();
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  /** The event loops' I/O: epoll where Netty's native library loads, else NIO. */
  public Transport transport() {
    return transport;
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
