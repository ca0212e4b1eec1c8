package org.hotline.loadtest;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Drives a running server with a fixed number of keep-alive connections, each sending its next
 * request as soon as the previous response arrives (closed loop), for a bounded time. Latency is
 * recorded per connection in HdrHistograms and merged at the end. Only loopback targets are
 * accepted: this is a bench tool, never a traffic source for other hosts.
 */
public final class LoadGenerator {
  private final String host;
  private final int port;
  private final int threads;

  public LoadGenerator(String host, int port, int threads) throws UnknownHostException {
    if (!InetAddress.getByName(host).isLoopbackAddress()) {
      throw new IllegalArgumentException("refusing to load " + host + ": only loopback targets are allowed");
    }
    this.host = host;
    this.port = port;
    this.threads = threads;
  }

  /** Per-connection state; touched only by the connection's event loop until the run ends. */
  private static final class Connection extends SimpleChannelInboundHandler<FullHttpResponse> {
    final Scenario scenario;
    final Histogram histogram = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    volatile boolean recording;
    volatile boolean stopping;
    long ok;
    long failed;
    long sentAt;
    final CountDownLatch done = new CountDownLatch(1);

    Connection(Scenario scenario) {
      this.scenario = scenario;
    }

    void send(Channel channel) {
      if (stopping) {
        done.countDown();
        return;
      }
      sentAt = System.nanoTime();
      channel.writeAndFlush(scenario.nextRequest());
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
      long micros = (System.nanoTime() - sentAt) / 1000;
      if (recording) {
        if (response.status().code() == 200) {
          ok++;
          histogram.recordValue(Math.min(micros, histogram.getHighestTrackableValue()));
        } else {
          failed++;
        }
      }
      send(ctx.channel());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (!stopping) {
        failed++;
      }
      done.countDown();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      failed++;
      ctx.close();
    }
  }

  public LoadResult run(Scenario scenario, int connections, Duration warmup, Duration duration)
      throws InterruptedException {
    scenario.host(host);
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
    try {
      List<Connection> handlers = new ArrayList<>();
      List<Channel> channels = new ArrayList<>();
      for (int i = 0; i < connections; i++) {
        Connection handler = new Connection(scenario);
        Channel channel = new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .handler(new ChannelInitializer<SocketChannel>() {
              @Override
              protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 20), handler);
              }
            })
            .connect(host, port).sync().channel();
        handlers.add(handler);
        channels.add(channel);
      }
      for (int i = 0; i < connections; i++) {
        Connection handler = handlers.get(i);
        Channel channel = channels.get(i);
        channel.eventLoop().execute(() -> handler.send(channel));
      }
      Thread.sleep(warmup.toMillis());
      handlers.forEach(h -> h.recording = true);
      long start = System.nanoTime();
      Thread.sleep(duration.toMillis());
      handlers.forEach(h -> h.recording = false);
      double seconds = (System.nanoTime() - start) / 1e9;
      handlers.forEach(h -> h.stopping = true);
      for (Connection h : handlers) {
        h.done.await(5, TimeUnit.SECONDS);
      }
      channels.forEach(Channel::close);
      Histogram merged = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
      long ok = 0;
      long failed = 0;
      for (Connection h : handlers) {
        merged.add(h.histogram);
        ok += h.ok;
        failed += h.failed;
      }
      return new LoadResult(scenario.name(), connections, ok, failed, seconds, merged);
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }
}
