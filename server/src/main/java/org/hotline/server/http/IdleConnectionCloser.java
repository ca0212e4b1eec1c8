package org.hotline.server.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateEvent;

/** Closes connections that have been idle too long, so abandoned keep-alives do not pile up. */
final class IdleConnectionCloser extends ChannelDuplexHandler {
  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof IdleStateEvent) {
      ctx.close();
    } else {
      super.userEventTriggered(ctx, evt);
    }
  }
}
