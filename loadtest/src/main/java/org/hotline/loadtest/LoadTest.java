package org.hotline.loadtest;

import io.netty.util.ResourceLeakDetector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Command line: runs the scenarios against a running server several times, interleaved, and prints
 * each run and then the medians, with throughput as a ratio of the {@code /healthz} ceiling
 * measured in the same session, and the server's CPU time per request (read from its {@code
 * /metrics}).
 *
 * <pre>java -XX:+UseSerialGC -Xmn32m -jar loadtest/target/loadtest.jar --port 8080 --connections 64 --seconds 10 --runs 3</pre>
 *
 * The generator's own collections count as latency: with the serial collector and a small young
 * generation they took 0.6 ms, about once a second, where G1's default pause goal let them run
 * 27-56 ms.
 *
 * Flags: {@code --host} (loopback only), {@code --port}, {@code --connections}, {@code --threads}
 * (client event loops), {@code --transport} (epoll, the default where it loads, or nio), {@code --rate} (requests/s offered, open loop; default 0, closed loop), {@code --runs}, {@code --seconds} per run, {@code --warmup} seconds before
 * each run, {@code --prime} seconds of unrecorded load first (JIT), {@code --distinct} questions
 * for the uncached scenario, {@code --scenarios} (healthz,ask-cached,ask-uncached).
 */
public final class LoadTest {
  private LoadTest() {}

  public static void main(String[] args) throws Exception {
    // Netty samples one buffer in 128 for leak tracking, each with a captured stack trace: 1% of
    // the generator's CPU, which the server would otherwise have. The generator's buffers are
    // covered by its tests, where tracking stays on.
    ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
    Map<String, String> flags = flags(args);
    String host = flags.getOrDefault("host", "127.0.0.1");
    int port = Integer.parseInt(flags.getOrDefault("port", "8080"));
    int connections = Integer.parseInt(flags.getOrDefault("connections", "64"));
    int threads = Integer.parseInt(flags.getOrDefault("threads", "1"));
    int runs = Integer.parseInt(flags.getOrDefault("runs", "3"));
    Duration warmup = Duration.ofSeconds(Long.parseLong(flags.getOrDefault("warmup", "3")));
    Duration duration = Duration.ofSeconds(Long.parseLong(flags.getOrDefault("seconds", "10")));
    Duration prime = Duration.ofSeconds(Long.parseLong(flags.getOrDefault("prime", "30")));
    double rate = Double.parseDouble(flags.getOrDefault("rate", "0"));
    int distinct = Integer.parseInt(flags.getOrDefault("distinct", "400000"));
    List<String> names = Arrays.asList(flags.getOrDefault("scenarios", "healthz,ask-cached,ask-uncached").split(","));
    if (runs < 1 || runs > 20 || duration.toSeconds() > 120 || prime.toSeconds() > 300 || connections > 2000) {
      throw new IllegalArgumentException("bounded runs only: runs 1-20, seconds <= 120, connections <= 2000");
    }

    String transport = flags.getOrDefault("transport", LoadGenerator.epollAvailable() ? "epoll" : "nio");
    if (!transport.equals("epoll") && !transport.equals("nio")) {
      throw new IllegalArgumentException("--transport is epoll or nio, got " + transport);
    }
    List<String> questions = Questions.distinct(distinct);
    LoadGenerator generator = new LoadGenerator(host, port, threads, transport.equals("epoll"));
    ServerMetrics serverMetrics = new ServerMetrics(host, port);
    Map<String, List<LoadResult>> results = new LinkedHashMap<>();
    // Server CPU per request, warm-up included (the server counts its requests, not the run).
    Map<String, List<Double>> cpuPerRequest = new LinkedHashMap<>();
    System.out.println(rate > 0
        ? "open loop at " + (long) rate + " requests/s offered; latency counted from when each was due"
        : "closed loop: each connection sends its next request when the previous answer arrives");
    System.out.printf(Locale.ROOT, "target %s:%d, %d connections, %d client thread(s) on %s, %ds warm-up + %ds per run, %d runs; %d distinct questions%n",
        host, port, connections, threads, transport, warmup.toSeconds(), duration.toSeconds(), runs, questions.size());
    System.out.println("generator collector: " + collectors()
        + " (its pauses count as latency; run it with -XX:+UseSerialGC -Xmn32m for short ones)");
    // One scenario object per name for the whole session, so the uncached one keeps moving through
    // its list across runs instead of repeating questions the cache has seen.
    Map<String, Scenario> scenarios = new LinkedHashMap<>();
    for (String name : names) {
      scenarios.put(name, switch (name) {
        case "healthz" -> Scenario.healthz();
        case "ask-cached" -> Scenario.ask(name, List.of("信用卡丢了怎么办"));
        case "ask-uncached" -> Scenario.ask(name, questions);
        default -> throw new IllegalArgumentException("unknown scenario " + name);
      });
    }
    if (prime.toSeconds() > 0) {
      System.out.println("priming the server's JIT for " + prime.toSeconds() + "s (not recorded)");
      // Priming does what a measured run does around its load, in the same mode: /metrics is
      // read and connections are dropped and opened, so none of it is new to the server's JIT
      // when a run starts (its compilation log had shown the read path deoptimised, by class
      // checks and branches not taken before, about when those requests first came).
      Duration slice = prime.dividedBy(2L * scenarios.size());
      for (int half = 0; half < 2; half++) {
        for (Scenario scenario : scenarios.values()) {
          serverMetrics.read();
          generator.run(scenario, connections, rate, Duration.ZERO, slice);
        }
      }
      serverMetrics.read();
    }
    for (int run = 1; run <= runs; run++) {
      for (String name : names) {
        Scenario scenario = scenarios.get(name);
        ServerMetrics.Reading before = serverMetrics.read();
        LoadResult result = generator.run(scenario, connections, rate, warmup, duration);
        ServerMetrics.Reading after = serverMetrics.read();
        double hitRatio = ServerMetrics.hitRatio(before, after);
        double cpu = ServerMetrics.cpuMicrosPerRequest(before, after);
        results.computeIfAbsent(name, k -> new ArrayList<>()).add(result);
        cpuPerRequest.computeIfAbsent(name, k -> new ArrayList<>()).add(cpu);
        System.out.println("run " + run + ": " + result.format()
            + (Double.isNaN(cpu) ? "" : String.format(Locale.ROOT, "  server CPU %.0f µs/req", cpu))
            + (Double.isNaN(hitRatio) ? "" : String.format(Locale.ROOT, "  cache hits %.1f%%", 100 * hitRatio)));
      }
    }
    System.out.println();
    System.out.println("| scenario | connections | req/s (median) | vs /healthz | p50 ms | p99 ms | server CPU µs/req | client CPU µs/req | failed |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    double ceiling = results.containsKey("healthz") ? median(results.get("healthz"), LoadResult::throughput) : Double.NaN;
    for (Map.Entry<String, List<LoadResult>> e : results.entrySet()) {
      List<LoadResult> r = e.getValue();
      double achieved = median(r, LoadResult::throughput);
      double cpu = median(cpuPerRequest.get(e.getKey()));
      double clientCpu = median(r, LoadResult::clientCpuMicros);
      System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %s | %.2f | %.2f | %s | %s | %d |%n",
          e.getKey(), connections, achieved,
          Double.isNaN(ceiling) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * achieved / ceiling),
          median(r, x -> x.percentileMillis(50)), median(r, x -> x.percentileMillis(99)),
          Double.isNaN(cpu) ? "-" : String.format(Locale.ROOT, "%.0f", cpu),
          Double.isNaN(clientCpu) ? "-" : String.format(Locale.ROOT, "%.0f", clientCpu),
          r.stream().mapToLong(LoadResult::failed).sum());
    }
  }

  /** The garbage collectors of this JVM, as it names them. */
  private static String collectors() {
    return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
        .map(java.lang.management.GarbageCollectorMXBean::getName)
        .collect(java.util.stream.Collectors.joining(", "));
  }

  static double median(List<LoadResult> results, java.util.function.ToDoubleFunction<LoadResult> f) {
    return median(results.stream().map(f::applyAsDouble).toList());
  }

  /** The median of the values that are numbers; NaN when none is. */
  static double median(List<Double> all) {
    double[] values = all.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).sorted().toArray();
    int n = values.length;
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }

  private static Map<String, String> flags(String[] args) {
    Map<String, String> flags = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
      }
      flags.put(args[i].substring(2), args[++i]);
    }
    return flags;
  }
}
