package org.hotline.ivr.agi;

import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.CompletableFuture;

/**
 * One FastAGI call, as its {@link AgiScript} drives it: send commands one at a time, learn of the
 * caller hanging up, close to hand the call back to the dialplan.
 *
 * <p>Thread-safe: every method may be called from any thread; futures complete and hangup
 * callbacks run on {@link #executor()}, the connection's event loop.
 */
public interface AgiCall {

  /** The {@code agi_*} variables Asterisk sent when the call opened. */
  AgiEnvironment environment();

  /**
   * Sends one command and completes with Asterisk's reply. AGI allows one command in flight: a
   * second send before the reply fails with {@link IllegalStateException}. Fails with
   * {@link java.util.concurrent.TimeoutException} (and closes the connection) when no reply
   * comes within the settings' command timeout plus the command's own timeout, and with
   * {@link java.nio.channels.ClosedChannelException} when the connection closes first.
   */
  CompletableFuture<AgiReply> send(AgiCommand command);

  /** True once Asterisk has sent {@code HANGUP}: the caller is gone, the connection may live on. */
  boolean hungUp();

  /**
   * Runs {@code listener} once on the event loop when {@code HANGUP} arrives or the connection
   * closes, whichever comes first; at once (on the event loop) if that has already happened.
   */
  void onHangup(Runnable listener);

  /** Closes the connection; the dialplan continues at the next priority. */
  void close();

  /** The connection's event loop: come back to it after handing blocking work elsewhere. */
  EventExecutor executor();

  /** True while the connection is open. */
  boolean isOpen();
}
