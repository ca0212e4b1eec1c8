package org.hotline.server.http;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.codec.http.cors.CorsConfig;
import io.netty.handler.codec.http.cors.CorsHandler;
import io.netty.handler.timeout.IdleStateHandler;

/** The HTTP pipeline: codec, bounded aggregation, then the dispatcher. */
public final class HttpServerInitializer extends ChannelInitializer<SocketChannel> {
  /** Requests larger than this are refused with 413. */
  static final int MAX_BODY_BYTES = 64 * 1024;
  /** Idle keep-alive connections are closed after this many seconds. */
  private static final int IDLE_SECONDS = 120;

  /** Pipeline name of the handler that closes idle connections (a WebSocket replaces it). */
  public static final String IDLE_CLOSER = "idle-closer";

  private final RequestDispatcher dispatcher;
  private final io.netty.channel.ChannelHandler upgrades;
  private final CorsConfig cors;

  HttpServerInitializer(RequestDispatcher dispatcher, io.netty.channel.ChannelHandler upgrades, CorsConfig cors) {
    this.dispatcher = dispatcher;
    this.upgrades = upgrades;
    this.cors = cors;
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    ChannelPipeline pipeline = channel.pipeline();
    // Idle means nothing read: a reader-idle timer is reset by reads alone, so writes (every
    // response) do not each carry a listener for it. Responses are small, so a connection still
    // writing after 120 s without reading is as good as idle.
    pipeline.addLast(new IdleStateHandler(IDLE_SECONDS, 0, 0));
    pipeline.addLast(IDLE_CLOSER, new IdleConnectionCloser());
    pipeline.addLast(new HttpServerCodec());
    pipeline.addLast(new HttpServerExpectContinueHandler());
    // Pages on other origins embed the chat widget: answer preflights, label responses.
    pipeline.addLast(new CorsHandler(cors));
    pipeline.addLast(new JsonObjectAggregator(MAX_BODY_BYTES));
    if (upgrades != null) {
      pipeline.addLast(upgrades);
    }
    pipeline.addLast(dispatcher);
  }
}
