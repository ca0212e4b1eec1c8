package org.hotline.loadtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Reads from the server's {@code /metrics} the answer-cache hits and misses, the requests it has
 * served and the CPU time its process has used, so a run can report the hit ratio it actually saw
 * (the uncached scenario must be near zero) and the server CPU each request cost. CPU per request
 * is the steadier figure on a shared machine: time the server spends waiting for a core, or that
 * the load generator takes, is not in it.
 */
final class ServerMetrics {
  /** Counters at one moment; NaN where the server does not expose one. */
  record Reading(double hits, double misses, double requests, double cpuSeconds) {}

  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1) // as a metrics scraper asks: no h2c upgrade
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private final URI metrics;

  ServerMetrics(String host, int port) {
    this.metrics = URI.create("http://" + host + ":" + port + "/metrics");
  }

  /** The counters now, or null when {@code /metrics} cannot be read. */
  Reading read() {
    try {
      String body = client.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      return parse(body);
    } catch (Exception e) {
      return null;
    }
  }

  static Reading parse(String prometheusText) {
    return new Reading(
        sum(prometheusText, l -> l.startsWith("cache_gets_total{") && l.contains("cache=\"answers\"")
            && l.contains("result=\"hit\"")),
        sum(prometheusText, l -> l.startsWith("cache_gets_total{") && l.contains("cache=\"answers\"")
            && l.contains("result=\"miss\"")),
        sum(prometheusText, l -> l.startsWith("http_server_requests_seconds_count{")),
        sum(prometheusText, l -> l.startsWith("process_cpu_time_ns_total ")) / 1e9);
  }

  /** The sum of the matching samples, NaN when none matches. */
  private static double sum(String body, Predicate<String> line) {
    return body.lines()
        .filter(line)
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .reduce(Double::sum)
        .orElse(Double.NaN);
  }

  /** Hit ratio between two readings, or NaN. */
  static double hitRatio(Reading before, Reading after) {
    if (before == null || after == null) {
      return Double.NaN;
    }
    double hits = after.hits() - before.hits();
    double misses = after.misses() - before.misses();
    return hits + misses == 0 ? Double.NaN : hits / (hits + misses);
  }

  /** Server CPU microseconds per request served between two readings, or NaN. */
  static double cpuMicrosPerRequest(Reading before, Reading after) {
    if (before == null || after == null) {
      return Double.NaN;
    }
    double requests = after.requests() - before.requests();
    return requests > 0 ? 1e6 * (after.cpuSeconds() - before.cpuSeconds()) / requests : Double.NaN;
  }
}
