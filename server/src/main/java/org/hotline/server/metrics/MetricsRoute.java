package org.hotline.server.metrics;

import static java.util.Objects.requireNonNull;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.hotline.server.http.ApiRequest;
import org.hotline.server.http.ApiResponse;
import org.hotline.server.http.Route;

/** {@code GET /metrics}: every meter in Prometheus text format. */
public final class MetricsRoute implements Route {
  private final PrometheusMeterRegistry registry;

  public MetricsRoute(PrometheusMeterRegistry registry) {
    this.registry = requireNonNull(registry, "registry");
  }

  @Override
  public ApiResponse handle(ApiRequest request) {
    return ApiResponse.text("text/plain; version=0.0.4; charset=utf-8", registry.scrape());
  }
}
