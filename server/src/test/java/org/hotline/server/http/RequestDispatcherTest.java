package org.hotline.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dispatcher alone, through an EmbeddedChannel: routing, errors, metrics, no leaks. */
class RequestDispatcherTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Router router = new Router()
      .add(HttpMethod.GET, "/ok", request -> ApiResponse.json(Map.of("ok", true)))
      .add(HttpMethod.GET, "/boom", request -> {
        throw new IllegalStateException("bug");
      })
      .add(HttpMethod.POST, "/echo", request -> ApiResponse.json(request.jsonBody()));

  private FullHttpResponse exchange(FullHttpRequest request) {
    EmbeddedChannel channel = new EmbeddedChannel(new RequestDispatcher(router, Runnable::run, registry));
    channel.writeInbound(request);
    FullHttpResponse response = channel.readOutbound();
    FullHttpResponse copy = response.copy();
    response.release();
    assertFalse(channel.finishAndReleaseAll());
    return copy;
  }

  private static FullHttpRequest request(HttpMethod method, String uri, String body) {
    FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri,
        Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
    request.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
    return request;
  }

  private static String body(FullHttpResponse response) {
    try {
      return response.content().toString(StandardCharsets.UTF_8);
    } finally {
      response.release();
    }
  }

  @Test
  void routesAndCountsByTemplateAndStatus() {
    FullHttpResponse response = exchange(request(HttpMethod.GET, "/ok?x=1", ""));
    assertEquals(200, response.status().code());
    assertEquals("{\"ok\":true}", body(response));
    assertEquals(1, registry.get("http.server.requests").tag("route", "/ok").tag("status", "200").timer().count());
  }

  @Test
  void unknownPathWrongMethodAndBrokenRoutesAreJsonErrors() {
    FullHttpResponse notFound = exchange(request(HttpMethod.GET, "/nope", ""));
    assertEquals(404, notFound.status().code());
    assertTrue(body(notFound).contains("\"error\":\"not_found\""));

    FullHttpResponse wrongMethod = exchange(request(HttpMethod.DELETE, "/ok", ""));
    assertEquals(405, wrongMethod.status().code());
    assertEquals("GET", wrongMethod.headers().get(HttpHeaderNames.ALLOW));
    body(wrongMethod);

    FullHttpResponse broken = exchange(request(HttpMethod.GET, "/boom", ""));
    assertEquals(500, broken.status().code());
    String text = body(broken);
    assertTrue(text.contains("\"error\":\"internal_error\""), text);
    assertFalse(text.contains("bug"), "internals must not leak: " + text);
  }

  @Test
  void blockingRoutesAnswerFromTheWorker() {
    Router blocking = new Router().add(HttpMethod.POST, "/slow",
        Route.blocking(request -> ApiResponse.json(Map.of("thread", Thread.currentThread().getName()))));
    EmbeddedChannel channel = new EmbeddedChannel(new RequestDispatcher(blocking,
        task -> {
          Thread t = new Thread(task, "test-worker");
          t.start();
          try {
            t.join();
          } catch (InterruptedException e) {
            throw new AssertionError(e);
          }
        }, registry));
    channel.writeInbound(request(HttpMethod.POST, "/slow", "{}"));
    channel.runPendingTasks();
    FullHttpResponse response = channel.readOutbound();
    assertEquals(200, response.status().code());
    assertTrue(response.content().toString(StandardCharsets.UTF_8).contains("test-worker"));
    response.release();
    assertFalse(channel.finishAndReleaseAll());
  }

  @Test
  void malformedJsonInARouteIsA400() {
    FullHttpResponse response = exchange(request(HttpMethod.POST, "/echo", "{oops"));
    assertEquals(400, response.status().code());
    assertTrue(body(response).contains("malformed_json"));
  }
}
