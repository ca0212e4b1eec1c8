package org.hotline.loadtest;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The outcome of one timed run: counts, throughput, the latency histogram (microseconds), and the
 * load generator's own CPU time per request over the run (it shares the machine's cores with the
 * server; NaN where the JVM cannot tell).
 */
public record LoadResult(String scenario, int connections, long ok, long failed, double seconds,
    Histogram latencyMicros, double clientCpuMicros) {
  // In an open-loop run, latency counts from when each request was due.

  public double throughput() {
    return ok / seconds;
  }

  public double percentileMillis(double p) {
    return latencyMicros.getValueAtPercentile(p) / 1000.0;
  }

  public String format() {
    return String.format(Locale.ROOT,
        "%-13s conns=%3d  %9.0f req/s  ok=%d failed=%d  p50=%.2fms p90=%.2fms p99=%.2fms p99.9=%.2fms max=%.2fms  client CPU %.0f µs/req",
        scenario, connections, throughput(), ok, failed, percentileMillis(50), percentileMillis(90),
        percentileMillis(99), percentileMillis(99.9), latencyMicros.getMaxValue() / 1000.0, clientCpuMicros);
  }
}
