package org.hotline.server.health;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.function.BooleanSupplier;
import org.hotline.server.http.ApiResponse;
import org.hotline.server.http.Route;

/** Liveness ({@code /healthz}: the process serves) and readiness ({@code /readyz}: the index is loaded). */
public final class HealthRoutes {
  private static final byte[] OK = "{\"status\":\"ok\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
  private static final byte[] READY = "{\"status\":\"ready\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
  private static final byte[] LOADING =
      "{\"status\":\"loading\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  private HealthRoutes() {}

  public static Route liveness() {
    return request -> ApiResponse.jsonBytes(HttpResponseStatus.OK, OK);
  }

  public static Route readiness(BooleanSupplier ready) {
    return request -> ready.getAsBoolean()
        ? ApiResponse.jsonBytes(HttpResponseStatus.OK, READY)
        : ApiResponse.jsonBytes(HttpResponseStatus.SERVICE_UNAVAILABLE, LOADING);
  }
}
