package org.hotline.ivr.agi;

import static java.util.Objects.requireNonNull;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.StringDecoder;
import io.netty.handler.codec.string.StringEncoder;
import io.netty.handler.timeout.IdleStateHandler;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline of one FastAGI connection: lines in, UTF-8 strings both ways, idle peers dropped,
 * then the session.
 *
 * <p>Sharable: Netty calls {@link #initChannel} on each new connection's event loop.
 */
final class AgiServerInitializer extends ChannelInitializer<Channel> {
  private final AgiScript script;
  private final AgiSettings settings;
  private final ChannelGroup calls;

  AgiServerInitializer(AgiScript script, AgiSettings settings, ChannelGroup calls) {
    this.script = requireNonNull(script, "script");
    this.settings = requireNonNull(settings, "settings");
    this.calls = requireNonNull(calls, "calls");
  }

  @Override
  protected void initChannel(Channel ch) {
    calls.add(ch);
    ChannelPipeline pipeline = ch.pipeline();
    pipeline.addLast(new LineBasedFrameDecoder(settings.maxLineLength(), true, true));
    pipeline.addLast(new StringDecoder(StandardCharsets.UTF_8));
    pipeline.addLast(new StringEncoder(StandardCharsets.UTF_8));
    pipeline.addLast(new IdleStateHandler(settings.idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS));
    pipeline.addLast(new AgiSessionHandler(script, settings));
  }
}
