package org.hotline.ivr.agi;

import static java.util.Objects.requireNonNull;
import static java.util.concurrent.TimeUnit.MILLISECONDS;

import io.netty.channel.Channel;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.lang.System.Logger.Level;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * The {@link AgiCall} of one connection: the command in flight, its reply timeout, and hangup.
 *
 * <p>Thread-safe as {@link AgiCall} promises: public methods hop onto the event loop; the
 * package-private ones are called by {@link AgiSessionHandler} on it.
 */
final class AgiConnection implements AgiCall {
  private static final System.Logger LOG = System.getLogger(AgiConnection.class.getName());

  private final Channel channel;
  private final AgiEnvironment environment;
  private final Duration commandTimeout;
  private final AgiReplyParser parser;
  private final List<Runnable> hangupListeners = new ArrayList<>();
  private volatile boolean hungUp;
  private boolean hangupNotified;
  private CompletableFuture<AgiReply> pending;
  private AgiCommand pendingCommand;
  private ScheduledFuture<?> replyTimeout;

  AgiConnection(Channel channel, AgiEnvironment environment, AgiSettings settings) {
    this.channel = requireNonNull(channel, "channel");
    this.environment = requireNonNull(environment, "environment");
    this.commandTimeout = settings.commandTimeout();
    this.parser = new AgiReplyParser(settings.maxEnvironmentLines());
  }

  @Override
  public AgiEnvironment environment() {
    return environment;
  }

  @Override
  public CompletableFuture<AgiReply> send(AgiCommand command) {
    requireNonNull(command, "command");
    CompletableFuture<AgiReply> reply = new CompletableFuture<>();
    onLoop(() -> write(command, reply), () -> reply.completeExceptionally(new ClosedChannelException()));
    return reply;
  }

  @Override
  public boolean hungUp() {
    return hungUp;
  }

  @Override
  public void onHangup(Runnable listener) {
    requireNonNull(listener, "listener");
    onLoop(() -> {
      if (hangupNotified) {
        runListener(listener);
      } else {
        hangupListeners.add(listener);
      }
    }, () -> LOG.log(Level.DEBUG, "event loop gone, hangup listener dropped"));
  }

  @Override
  public void close() {
    channel.close();
  }

  @Override
  public EventExecutor executor() {
    return channel.eventLoop();
  }

  @Override
  public boolean isOpen() {
    return channel.isActive();
  }

  boolean awaitingReply() {
    return pending != null;
  }

  /** A line while a command is in flight: part or all of its reply. */
  void replyLine(String line) {
    AgiReply reply;
    try {
      reply = parser.accept(line);
    } catch (IllegalArgumentException e) {
      LOG.log(Level.WARNING, "malformed AGI reply on call {0}, closing: {1}", environment.uniqueId(), e.getMessage());
      CompletableFuture<AgiReply> failed = clearPending();
      channel.close();
      failed.completeExceptionally(e);
      return;
    }
    if (reply != null) {
      clearPending().complete(reply);
    }
  }

  void hangupArrived() {
    hungUp = true;
    notifyHangup();
  }

  void connectionClosed() {
    if (pending != null) {
      clearPending().completeExceptionally(new ClosedChannelException());
    }
    notifyHangup();
  }

  private void write(AgiCommand command, CompletableFuture<AgiReply> reply) {
    if (!channel.isActive()) {
      reply.completeExceptionally(new ClosedChannelException());
      return;
    }
    if (pending != null) {
      reply.completeExceptionally(new IllegalStateException(
          "AGI allows one command in flight; " + pendingCommand.word() + " awaits its reply"));
      return;
    }
    pending = reply;
    pendingCommand = command;
    long timeoutMillis = commandTimeout.plus(command.ownTimeout()).toMillis();
    replyTimeout = channel.eventLoop().schedule(() -> timedOut(reply, timeoutMillis), timeoutMillis, MILLISECONDS);
    channel.writeAndFlush(command.toLine() + "\n").addListener(written -> {
      if (!written.isSuccess() && pending == reply) {
        clearPending();
        channel.close();
        reply.completeExceptionally(written.cause());
      }
    });
  }

  private void timedOut(CompletableFuture<AgiReply> reply, long timeoutMillis) {
    if (pending != reply) {
      return;
    }
    String word = pendingCommand.word();
    LOG.log(Level.WARNING, "no reply to {0} within {1} ms on call {2}, closing",
        word, Long.toString(timeoutMillis), environment.uniqueId());
    // Cleared before closing, so the close reports the timeout rather than a closed channel.
    clearPending();
    channel.close();
    reply.completeExceptionally(new TimeoutException("no reply to " + word + " within " + timeoutMillis + " ms"));
  }

  private CompletableFuture<AgiReply> clearPending() {
    CompletableFuture<AgiReply> reply = pending;
    pending = null;
    pendingCommand = null;
    if (replyTimeout != null) {
      replyTimeout.cancel(false);
      replyTimeout = null;
    }
    parser.reset();
    return reply;
  }

  private void notifyHangup() {
    if (hangupNotified) {
      return;
    }
    hangupNotified = true;
    List<Runnable> listeners = List.copyOf(hangupListeners);
    hangupListeners.clear();
    listeners.forEach(this::runListener);
  }

  private void runListener(Runnable listener) {
    try {
      listener.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "hangup listener failed on call " + environment.uniqueId() + ", closing", e);
      channel.close();
    }
  }

  private void onLoop(Runnable task, Runnable ifLoopGone) {
    if (channel.eventLoop().inEventLoop()) {
      task.run();
      return;
    }
    try {
      channel.eventLoop().execute(task);
    } catch (RejectedExecutionException e) {
      ifLoopGone.run();
    }
  }
}
