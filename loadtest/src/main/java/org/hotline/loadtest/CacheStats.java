package org.hotline.loadtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Reads the server's answer-cache hit and miss counters from {@code /metrics}, so a run can report
 * the hit ratio it actually saw (the uncached scenario must be near zero).
 */
final class CacheStats {
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI metrics;

  CacheStats(String host, int port) {
    this.metrics = URI.create("http://" + host + ":" + port + "/metrics");
  }

  /** {hits, misses} so far, or null when the server does not expose them. */
  double[] read() {
    try {
      String body = client.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      return new double[] {value(body, "result=\"hit\""), value(body, "result=\"miss\"")};
    } catch (Exception e) {
      return null;
    }
  }

  private static double value(String body, String label) {
    return body.lines()
        .filter(l -> l.startsWith("cache_gets_total{") && l.contains("cache=\"answers\"") && l.contains(label))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  /** Hit ratio between two readings, or NaN. */
  static double hitRatio(double[] before, double[] after) {
    if (before == null || after == null) {
      return Double.NaN;
    }
    double hits = after[0] - before[0];
    double misses = after[1] - before[1];
    return hits + misses == 0 ? Double.NaN : hits / (hits + misses);
  }
}
