package org.hotline.loadtest.agi;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.StringDecoder;
import io.netty.handler.codec.string.StringEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Simulated telephone load: opens N FastAGI calls at once against a running server (as Asterisk
 * would), walks each through a menu script, and reports how many were handed off with a ticket,
 * how many failed and why, and call durations.
 *
 * <pre>java -cp loadtest/target/loadtest.jar org.hotline.loadtest.agi.AgiLoadTest --port 4573 --calls 500</pre>
 *
 * Flags: {@code --host} (loopback only), {@code --port}, {@code --calls} (all started together),
 * {@code --think-ms} (pause per prompt, standing for playback; default 100), {@code --timeout} seconds.
 * Exits 1 when any call failed.
 */
public final class AgiLoadTest {
  /** Menu scripts: keys pressed at each prompt; every script ends with a hand-off. */
  static final List<List<String>> SCRIPTS = List.of(
      List.of("1", "1", "0"),          // credit cards, first entry, then a person
      List.of("2", "3", "#", "0"),     // card safety, an entry, back, a person
      List.of("0"),                    // a person at once
      List.of("4"),                    // lost card: the priority queue
      List.of("", "", ""));            // silence: re-prompted twice, then an agent

  private AgiLoadTest() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> flags = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      flags.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    String host = flags.getOrDefault("host", "127.0.0.1");
    if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("::1")) {
      throw new IllegalArgumentException("the load generator drives loopback servers only");
    }
    int port = Integer.parseInt(flags.getOrDefault("port", "4573"));
    int calls = Integer.parseInt(flags.getOrDefault("calls", "500"));
    long think = Long.parseLong(flags.getOrDefault("think-ms", "100"));
    long timeout = Long.parseLong(flags.getOrDefault("timeout", "120"));
    if (calls < 1 || calls > 5000) {
      throw new IllegalArgumentException("calls must be 1-5000");
    }
    Result result = run(host, port, calls, think, timeout);
    System.out.println(result.format());
    System.exit(result.failed() == 0 ? 0 : 1);
  }

  /** What a load run measured. */
  record Result(int calls, int handedOff, int failed, int distinctTickets, Histogram millis, long wallMillis,
      Map<String, Integer> failures) {
    String format() {
      StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
          "%d simultaneous calls in %.1f s: %d handed off with %d distinct tickets, %d failed; call duration p50 %d ms, p99 %d ms, max %d ms",
          calls, wallMillis / 1000.0, handedOff, distinctTickets, failed, millis.getValueAtPercentile(50),
          millis.getValueAtPercentile(99), millis.getMaxValue()));
      failures.forEach((why, n) -> out.append(String.format(Locale.ROOT, "%n  %d × %s", n, why)));
      return out.toString();
    }
  }

  static Result run(String host, int port, int calls, long thinkMillis, long timeoutSeconds) throws Exception {
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    try {
      List<CompletableFuture<SimulatedCall.Outcome>> outcomes = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < calls; i++) {
        SimulatedCall call = new SimulatedCall(SCRIPTS.get(i % SCRIPTS.size()), thinkMillis,
            String.format(Locale.ROOT, "139%08d", i));
        outcomes.add(call.outcome());
        ChannelFuture connect = new Bootstrap().group(group).channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .handler(new ChannelInitializer<SocketChannel>() {
              @Override
              protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(new LineBasedFrameDecoder(8192), new StringDecoder(StandardCharsets.UTF_8),
                    new StringEncoder(StandardCharsets.UTF_8), call);
              }
            })
            .connect(host, port);
        connect.addListener(f -> {
          if (!f.isSuccess()) {
            call.outcome().complete(new SimulatedCall.Outcome(false, null, 0, 0, "connect failed: " + f.cause()));
          }
        });
      }
      CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).get(timeoutSeconds, TimeUnit.SECONDS);
      long wall = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      Histogram millis = new Histogram(3_600_000L, 3);
      Map<String, Integer> failures = new LinkedHashMap<>();
      Set<String> tickets = new HashSet<>();
      int handedOff = 0;
      for (CompletableFuture<SimulatedCall.Outcome> f : outcomes) {
        SimulatedCall.Outcome o = f.join();
        millis.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMillis(o.nanos())));
        if (o.handedOff()) {
          handedOff++;
          tickets.add(o.ticket());
        } else {
          failures.merge(o.failure(), 1, Integer::sum);
        }
      }
      return new Result(calls, handedOff, calls - handedOff, tickets.size(), millis, wall, failures);
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
  }
}
