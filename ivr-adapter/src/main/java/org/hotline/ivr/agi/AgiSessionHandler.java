package org.hotline.ivr.agi;

import static java.util.Objects.requireNonNull;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.IdleStateEvent;
import java.lang.System.Logger.Level;

/**
 * One FastAGI connection: reads the environment block, starts the script, then routes each line
 * to the command in flight, to the hangup event, or counts it as unsolicited. Any breach of the
 * protocol or of the settings' limits closes the connection.
 *
 * <p>Not sharable: one instance per connection, called only on its event loop.
 */
final class AgiSessionHandler extends SimpleChannelInboundHandler<String> {
  private static final System.Logger LOG = System.getLogger(AgiSessionHandler.class.getName());

  private final AgiScript script;
  private final AgiSettings settings;
  private final AgiEnvironment.Builder environment = AgiEnvironment.builder();
  private int environmentLines;
  private int unsolicitedLines;
  private AgiConnection call;

  AgiSessionHandler(AgiScript script, AgiSettings settings) {
    this.script = requireNonNull(script, "script");
    this.settings = requireNonNull(settings, "settings");
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, String line) {
    if (!ctx.channel().isActive()) {
      return; // the rest of a batch read before we closed
    }
    if (call == null) {
      readEnvironment(ctx, line);
    } else {
      readCallLine(ctx, line);
    }
  }

  private void readEnvironment(ChannelHandlerContext ctx, String line) {
    if (++environmentLines > settings.maxEnvironmentLines() && !line.isEmpty()) {
      LOG.log(Level.WARNING, "{0}: more than {1} environment lines, closing",
          ctx.channel().remoteAddress(), settings.maxEnvironmentLines());
      ctx.close();
      return;
    }
    try {
      if (!environment.acceptLine(line)) {
        return;
      }
    } catch (IllegalArgumentException e) {
      LOG.log(Level.WARNING, "{0}: {1}, closing", ctx.channel().remoteAddress(), e.getMessage());
      ctx.close();
      return;
    }
    AgiEnvironment complete = environment.build();
    if (!settings.scriptName().equals(complete.script())) {
      LOG.log(Level.INFO, "{0}: AGI script {1} not served, closing", ctx.channel().remoteAddress(), complete.script());
      ctx.close();
      return;
    }
    call = new AgiConnection(ctx.channel(), complete, settings);
    try {
      script.start(call);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "AGI script failed on call " + complete.uniqueId() + ", closing", e);
      ctx.close();
    }
  }

  private void readCallLine(ChannelHandlerContext ctx, String line) {
    if (line.equals("HANGUP") && !call.hungUp()) {
      // An event, not a reply: the reply to the command in flight still follows.
      call.hangupArrived();
    } else if (call.awaitingReply() && !line.equals("HANGUP")) {
      call.replyLine(line);
    } else if (++unsolicitedLines > settings.maxUnsolicitedLines()) {
      LOG.log(Level.WARNING, "call {0}: more than {1} unsolicited lines, closing",
          call.environment().uniqueId(), settings.maxUnsolicitedLines());
      ctx.close();
    } else {
      LOG.log(Level.DEBUG, "call {0}: unsolicited line ignored", call.environment().uniqueId());
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof IdleStateEvent) {
      if (call != null && call.awaitingReply()) {
        return; // Asterisk is busy on our command; its reply timeout governs
      }
      LOG.log(Level.INFO, "{0}: silent for {1}, closing", ctx.channel().remoteAddress(), settings.idleTimeout());
      ctx.close();
    } else {
      ctx.fireUserEventTriggered(event);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (call != null) {
      call.connectionClosed();
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof TooLongFrameException) {
      LOG.log(Level.WARNING, "{0}: line longer than {1} bytes, closing",
          ctx.channel().remoteAddress(), settings.maxLineLength());
    } else {
      LOG.log(Level.WARNING, "AGI connection " + ctx.channel().remoteAddress() + " failed, closing", cause);
    }
    ctx.close();
  }
}
