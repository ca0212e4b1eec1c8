package org.hotline.loadtest;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the load generator sends: a stream of requests, each built fresh from pre-encoded bodies.
 * Thread-safe (the request counter is atomic; bodies are shared read-only).
 */
public final class Scenario {
  private final String name;
  private final HttpMethod method;
  private final String path;
  private final ByteBuf[] bodies;
  private final AtomicLong next = new AtomicLong();
  private String host = "127.0.0.1";

  private Scenario(String name, HttpMethod method, String path, ByteBuf[] bodies) {
    this.name = name;
    this.method = method;
    this.path = path;
    this.bodies = bodies;
  }

  /** {@code GET /healthz}: the ceiling of the HTTP stack. */
  public static Scenario healthz() {
    return new Scenario("healthz", HttpMethod.GET, "/healthz", null);
  }

  /** {@code POST /api/v1/ask} cycling through the given questions. */
  public static Scenario ask(String name, List<String> questions) {
    ByteBuf[] bodies = new ByteBuf[questions.size()];
    for (int i = 0; i < bodies.length; i++) {
      String json = "{\"question\":\"" + questions.get(i).replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
      bodies[i] = Unpooled.unreleasableBuffer(
          Unpooled.wrappedBuffer(json.getBytes(StandardCharsets.UTF_8)).asReadOnly());
    }
    return new Scenario(name, HttpMethod.POST, "/api/v1/ask", bodies);
  }

  public String name() {
    return name;
  }

  Scenario host(String host) {
    this.host = host;
    return this;
  }

  FullHttpRequest nextRequest() {
    ByteBuf body = bodies == null
        ? Unpooled.EMPTY_BUFFER
        : bodies[(int) (next.getAndIncrement() % bodies.length)].duplicate();
    FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, path, body);
    request.headers().set(HttpHeaderNames.HOST, host);
    request.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    if (bodies != null) {
      request.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
    }
    request.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
    return request;
  }
}
