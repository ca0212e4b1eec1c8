package org.hotline.loadtest.agi;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One caller as Asterisk 22 presents it over FastAGI: sends the environment block, answers each
 * command the server sends (after a pause standing for the prompt being played), presses the
 * scripted keys when asked for data, and succeeds when the server hands the call off (sets
 * HOTLINE_TICKET, then closes so the dialplan would continue to Queue). Not sharable.
 */
final class SimulatedCall extends SimpleChannelInboundHandler<String> {
  /** How a call ended. */
  record Outcome(boolean handedOff, String ticket, int commands, long nanos, String failure) {}

  private final Deque<String> keys;
  private final long thinkMillis;
  private final String callerId;
  private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
  private final long started = System.nanoTime();
  private int commands;
  private String ticket;
  private String failure;

  SimulatedCall(List<String> keys, long thinkMillis, String callerId) {
    this.keys = new ArrayDeque<>(keys);
    this.thinkMillis = thinkMillis;
    this.callerId = callerId;
  }

  CompletableFuture<Outcome> outcome() {
    return outcome;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    ctx.writeAndFlush("agi_network: yes\nagi_network_script: hotline\nagi_request: agi://127.0.0.1/hotline\n"
        + "agi_channel: SIP/load-" + callerId + "\nagi_language: zh\nagi_type: SIP\nagi_uniqueid: " + callerId + ".1\n"
        + "agi_version: 22.10.1\nagi_callerid: " + callerId + "\nagi_calleridname: unknown\nagi_context: ivr\n"
        + "agi_extension: 95588\nagi_priority: 2\nagi_enhanced: 0.0\nagi_accountcode: \n\n");
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, String line) {
    commands++;
    String upper = line.toUpperCase(Locale.ROOT);
    String reply;
    long pause = 0;
    if (upper.startsWith("SET VARIABLE HOTLINE_TICKET")) {
      ticket = line.substring("SET VARIABLE HOTLINE_TICKET".length()).strip().replace("\"", "");
      reply = "200 result=1";
    } else if (upper.startsWith("SET VARIABLE") || upper.startsWith("VERBOSE")) {
      reply = "200 result=1";
    } else if (upper.startsWith("GET VARIABLE")) {
      reply = "200 result=0";
    } else if (upper.startsWith("GET DATA")) {
      String key = keys.poll();
      reply = key == null || key.isEmpty() ? "200 result= (timeout)" : "200 result=" + key;
      pause = thinkMillis;
    } else if (upper.startsWith("EXEC") || upper.startsWith("STREAM FILE") || upper.startsWith("ANSWER")) {
      reply = upper.startsWith("STREAM FILE") ? "200 result=0 endpos=8000" : "200 result=0";
      pause = thinkMillis;
    } else if (upper.startsWith("HANGUP")) {
      reply = "200 result=1";
    } else {
      failure = "unexpected command: " + line;
      reply = "510 Invalid or unknown command";
    }
    String answer = reply + "\n";
    if (pause > 0) {
      ScheduledFuture<?> unused = ctx.executor().schedule(() -> ctx.writeAndFlush(answer), pause, TimeUnit.MILLISECONDS);
    } else {
      ctx.writeAndFlush(answer);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    String why = failure != null ? failure : ticket == null ? "closed without a hand-off after " + commands + " commands" : null;
    outcome.complete(new Outcome(ticket != null && failure == null, ticket, commands, System.nanoTime() - started, why));
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    failure = "connection error: " + cause;
    ctx.close();
  }
}
