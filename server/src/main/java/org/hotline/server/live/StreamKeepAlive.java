package org.hotline.server.live;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.timeout.IdleStateEvent;

/** Pings an idle stream instead of closing it, so proxies keep it open and dead peers show up. */
final class StreamKeepAlive extends ChannelDuplexHandler {
  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof IdleStateEvent) {
      ctx.channel().writeAndFlush(new PingWebSocketFrame());
    } else {
      super.userEventTriggered(ctx, evt);
    }
  }
}
