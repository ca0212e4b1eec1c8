package org.hotline.loadtest;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.LastHttpContent;
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
  private final boolean epoll;

  /**
   * @param epoll drive the connections through Linux epoll (Netty's native library: less of the
   *     shared cores spent by the generator itself) rather than the JDK's selector
   */
  public LoadGenerator(String host, int port, int threads, boolean epoll) throws UnknownHostException {
    if (!InetAddress.getByName(host).isLoopbackAddress()) {
      throw new IllegalArgumentException("refusing to load " + host + ": only loopback targets are allowed");
    }
    if (epoll && !Epoll.isAvailable()) {
      throw new IllegalArgumentException("epoll is not available here: " + Epoll.unavailabilityCause());
    }
    this.host = host;
    this.port = port;
    this.threads = threads;
    this.epoll = epoll;
  }

  /** Whether this machine can load Netty's epoll transport. */
  public static boolean epollAvailable() {
    return Epoll.isAvailable();
  }

  /**
   * Per-connection state; touched only by the connection's event loop until the run ends.
   *
   * <p>Closed loop ({@code intervalNanos == 0}): the next request goes out when the previous answer
   * arrives. Open loop: requests are due every {@code intervalNanos}; one that falls due while the
   * previous is still out waits for it, and its latency counts from when it was due (no
   * coordinated omission).
   */
  private static final class Connection extends SimpleChannelInboundHandler<HttpObject> {
    final Scenario scenario;
    final long intervalNanos;
    final Histogram histogram = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    volatile boolean recording;
    volatile boolean stopping;
    long ok;
    long failed;
    long sentAt;
    boolean inFlight;
    long nextDue;
    int status;
    final java.util.ArrayDeque<Long> overdue = new java.util.ArrayDeque<>();
    final CountDownLatch done = new CountDownLatch(1);

    Connection(Scenario scenario, long intervalNanos) {
      this.scenario = scenario;
      this.intervalNanos = intervalNanos;
    }

    void start(Channel channel) {
      if (intervalNanos == 0) {
        send(channel, System.nanoTime());
      } else {
        nextDue = System.nanoTime() + (long) (Math.random() * intervalNanos);
        tick(channel);
      }
    }

    /** Open loop: a request falls due now; send it or queue it behind the one in flight. */
    private void tick(Channel channel) {
      if (stopping) {
        if (!inFlight) {
          done.countDown();
        }
        return;
      }
      long due = nextDue;
      nextDue += intervalNanos;
      channel.eventLoop().schedule(() -> tick(channel), Math.max(0, nextDue - System.nanoTime()),
          TimeUnit.NANOSECONDS);
      if (inFlight) {
        overdue.add(due);
      } else {
        send(channel, due);
      }
    }

    void send(Channel channel, long dueAt) {
      if (stopping) {
        done.countDown();
        return;
      }
      sentAt = dueAt;
      inFlight = true;
      channel.writeAndFlush(scenario.nextRequest(channel.alloc()));
    }

    /** A response arrives as its head and then its content; it is complete with the last part. */
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject part) {
      if (part.decoderResult().isFailure()) {
        // The decoder reads nothing more on this connection; closing it counts the failure.
        ctx.close();
        return;
      }
      if (part instanceof HttpResponse response) {
        status = response.status().code();
      }
      if (!(part instanceof LastHttpContent)) {
        return;
      }
      inFlight = false;
      long micros = (System.nanoTime() - sentAt) / 1000;
      if (recording) {
        if (status == 200) {
          ok++;
          histogram.recordValue(Math.min(micros, histogram.getHighestTrackableValue()));
        } else {
          failed++;
        }
      }
      if (intervalNanos == 0) {
        send(ctx.channel(), System.nanoTime());
      } else if (!overdue.isEmpty()) {
        send(ctx.channel(), overdue.poll());
      } else if (stopping) {
        done.countDown();
      }
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

  /** This process's CPU time in nanoseconds, or -1 where the JVM does not report it. */
  private static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
  }

  /** Closed loop: every connection keeps one request in flight, as fast as the server answers. */
  public LoadResult run(Scenario scenario, int connections, Duration warmup, Duration duration)
      throws InterruptedException {
    return run(scenario, connections, 0, warmup, duration);
  }

  /**
   * Open loop at a fixed offered rate spread over the connections (0: closed loop). Latency is
   * measured from when each request was due, so a slow server cannot hide its queue.
   */
  public LoadResult run(Scenario scenario, int connections, double ratePerSecond, Duration warmup,
      Duration duration) throws InterruptedException {
    scenario.host(host);
    long intervalNanos = ratePerSecond <= 0 ? 0 : (long) (1e9 * connections / ratePerSecond);
    IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, io);
    try {
      List<Connection> handlers = new ArrayList<>();
      List<Channel> channels = new ArrayList<>();
      for (int i = 0; i < connections; i++) {
        Connection handler = new Connection(scenario, intervalNanos);
        Channel channel = new Bootstrap()
            .group(group)
            .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .handler(new ChannelInitializer<SocketChannel>() {
              @Override
              protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(new HttpResponseDecoder(), handler);
              }
            })
            .connect(host, port).sync().channel();
        handlers.add(handler);
        channels.add(channel);
      }
      for (int i = 0; i < connections; i++) {
        Connection handler = handlers.get(i);
        Channel channel = channels.get(i);
        channel.eventLoop().execute(() -> handler.start(channel));
      }
      Thread.sleep(warmup.toMillis());
      handlers.forEach(h -> h.recording = true);
      long start = System.nanoTime();
      long cpuStart = processCpuNanos();
      Thread.sleep(duration.toMillis());
      handlers.forEach(h -> h.recording = false);
      double seconds = (System.nanoTime() - start) / 1e9;
      long cpuNanos = processCpuNanos() - cpuStart;
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
      double cpuPerRequest = cpuStart < 0 || ok + failed == 0 ? Double.NaN : cpuNanos / 1e3 / (ok + failed);
      return new LoadResult(scenario.name(), connections, ok, failed, seconds, merged, cpuPerRequest);
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }
}
