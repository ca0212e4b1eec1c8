package org.hotline.ivr.agi;

import static java.util.Objects.requireNonNull;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * A FastAGI server: Asterisk's {@code AGI(agi://host:port/hotline,...)} connects here, and each
 * call runs the one {@link AgiScript}.
 *
 * <p>{@link #start} and {@link #close} are meant for the composition root's thread (they block
 * and are synchronized); {@link #activeCalls} may be called from any thread.
 */
public final class AgiServer implements AutoCloseable {
  private final AgiScript script;
  private final AgiSettings settings;
  private final ChannelGroup calls = new DefaultChannelGroup("agi-calls", GlobalEventExecutor.INSTANCE);
  private EventLoopGroup bossGroup;
  private EventLoopGroup workerGroup;
  private Channel serverChannel;

  public AgiServer(AgiScript script, AgiSettings settings) {
    this.script = requireNonNull(script, "script");
    this.settings = requireNonNull(settings, "settings");
  }

  /** Binds to {@code host:port} (0 for any free port) and returns the port bound. */
  public synchronized int start(String host, int port) throws InterruptedException {
    requireNonNull(host, "host");
    if (bossGroup != null) {
      throw new IllegalStateException("already started");
    }
    bossGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    workerGroup = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(bossGroup, workerGroup)
        .channel(NioServerSocketChannel.class)
        .childHandler(new AgiServerInitializer(script, settings, calls));
    try {
      serverChannel = bootstrap.bind(host, port).sync().channel();
    } catch (InterruptedException | RuntimeException e) {
      close();
      throw e;
    }
    return ((InetSocketAddress) serverChannel.localAddress()).getPort();
  }

  /** Open connections, including ones still sending their environment. */
  public int activeCalls() {
    return calls.size();
  }

  /** Stops listening, closes every call (their dialplans continue) and stops the event loops. */
  @Override
  public synchronized void close() {
    if (serverChannel != null) {
      serverChannel.close().syncUninterruptibly();
      serverChannel = null;
    }
    calls.close().awaitUninterruptibly();
    if (bossGroup != null) {
      bossGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS);
      workerGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS);
      bossGroup.terminationFuture().syncUninterruptibly();
      workerGroup.terminationFuture().syncUninterruptibly();
    }
  }
}
