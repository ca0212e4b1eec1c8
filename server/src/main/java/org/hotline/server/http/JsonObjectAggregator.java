package org.hotline.server.http;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * An {@link HttpObjectAggregator} whose refusal of an oversized body is a JSON 413, like every
 * other API error, after which the connection is closed (the rest of the body is not read).
 */
final class JsonObjectAggregator extends HttpObjectAggregator {
  private final int maxContentLength;

  JsonObjectAggregator(int maxContentLength) {
    super(maxContentLength);
    this.maxContentLength = maxContentLength;
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
    FullHttpResponse response = RequestDispatcher.error(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
        "body_too_large", "request body exceeds " + maxContentLength + " bytes");
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
    response.headers().set(HttpHeaderNames.CONNECTION, "close");
    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }
}
