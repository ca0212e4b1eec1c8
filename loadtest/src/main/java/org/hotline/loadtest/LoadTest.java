package org.hotline.loadtest;

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
 * measured in the same session.
 *
 * <pre>java -jar loadtest/target/loadtest.jar --port 8080 --connections 64 --seconds 10 --runs 3</pre>
 *
 * Flags: {@code --host} (loopback only), {@code --port}, {@code --connections}, {@code --threads}
 * (client event loops), {@code --rate} (requests/s offered, open loop; default 0, closed loop), {@code --runs}, {@code --seconds} per run, {@code --warmup} seconds before
 * each run, {@code --prime} seconds of unrecorded load first (JIT), {@code --distinct} questions
 * for the uncached scenario, {@code --scenarios} (healthz,ask-cached,ask-uncached).
 */
public final class LoadTest {
  private LoadTest() {}

  public static void main(String[] args) throws Exception {
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

    List<String> questions = Questions.distinct(distinct);
    LoadGenerator generator = new LoadGenerator(host, port, threads);
    CacheStats cacheStats = new CacheStats(host, port);
    Map<String, List<LoadResult>> results = new LinkedHashMap<>();
    System.out.println(rate > 0
        ? "open loop at " + (long) rate + " requests/s offered; latency counted from when each was due"
        : "closed loop: each connection sends its next request when the previous answer arrives");
    System.out.printf(Locale.ROOT, "target %s:%d, %d connections, %d client thread(s), %ds warm-up + %ds per run, %d runs; %d distinct questions%n",
        host, port, connections, threads, warmup.toSeconds(), duration.toSeconds(), runs, questions.size());
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
      for (Scenario scenario : scenarios.values()) {
        generator.run(scenario, connections, Duration.ZERO, prime.dividedBy(scenarios.size()));
      }
    }
    for (int run = 1; run <= runs; run++) {
      for (String name : names) {
        Scenario scenario = scenarios.get(name);
        double[] before = cacheStats.read();
        LoadResult result = generator.run(scenario, connections, rate, warmup, duration);
        double hitRatio = CacheStats.hitRatio(before, cacheStats.read());
        results.computeIfAbsent(name, k -> new ArrayList<>()).add(result);
        System.out.println("run " + run + ": " + result.format()
            + (Double.isNaN(hitRatio) ? "" : String.format(Locale.ROOT, "  cache hits %.1f%%", 100 * hitRatio)));
      }
    }
    System.out.println();
    System.out.println("| scenario | connections | req/s (median) | vs /healthz | p50 ms | p99 ms | failed |");
    System.out.println("|---|---|---|---|---|---|---|");
    double ceiling = results.containsKey("healthz") ? median(results.get("healthz"), LoadResult::throughput) : Double.NaN;
    for (Map.Entry<String, List<LoadResult>> e : results.entrySet()) {
      List<LoadResult> r = e.getValue();
      double achieved = median(r, LoadResult::throughput);
      System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %s | %.2f | %.2f | %d |%n",
          e.getKey(), connections, achieved,
          Double.isNaN(ceiling) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * achieved / ceiling),
          median(r, x -> x.percentileMillis(50)), median(r, x -> x.percentileMillis(99)),
          r.stream().mapToLong(LoadResult::failed).sum());
    }
  }

  static double median(List<LoadResult> results, java.util.function.ToDoubleFunction<LoadResult> f) {
    double[] values = results.stream().mapToDouble(f).sorted().toArray();
    int n = values.length;
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
