package org.hotline.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpUtil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoadToolsTest {
  static {
    // The JDK's test server otherwise waits on Nagle's algorithm between headers and body.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  @Test
  void distinctQuestionsAreDistinct() {
    List<String> questions = Questions.distinct(50_000);
    assertEquals(50_000, questions.size());
    assertEquals(50_000, new HashSet<>(questions).size());
  }

  @Test
  void refusesTargetsOffThisMachine() {
    assertThrows(IllegalArgumentException.class, () -> new LoadGenerator("10.1.2.3", 8080, 1, false));
  }

  @Test
  void openLoopSendsAtTheOfferedRate() throws Exception {
    HttpServer server = serve("/healthz", body -> { });
    try {
      LoadGenerator generator = new LoadGenerator("127.0.0.1", server.getAddress().getPort(), 1, false);
      LoadResult result = generator.run(Scenario.healthz(), 4, 100, Duration.ofMillis(300), Duration.ofSeconds(2));
      assertTrue(result.throughput() > 75 && result.throughput() < 125, result.format());
      assertEquals(0, result.failed(), result.format());
    } finally {
      server.stop(0);
    }
  }

  /** Both transports: epoll (the default on Linux, which CI runs on) and the JDK's selector. */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void drivesAServerAndCountsResponses(boolean epoll) throws Exception {
    AtomicInteger seen = new AtomicInteger();
    HttpServer server = serve("/api/v1/ask", body -> {
      if (body.contains("question")) {
        seen.incrementAndGet();
      }
    });
    try {
      LoadGenerator generator = new LoadGenerator("127.0.0.1", server.getAddress().getPort(), 1, epoll);
      LoadResult result = generator.run(Scenario.ask("ask", List.of("信用卡丢了怎么办", "假币")), 4,
          Duration.ofMillis(200), Duration.ofSeconds(1));
      assertTrue(result.ok() > 0, result.format());
      assertEquals(0, result.failed(), result.format());
      assertTrue(seen.get() >= result.ok());
      assertTrue(result.percentileMillis(50) > 0);
      assertTrue(result.clientCpuMicros() > 0, result.format());
    } finally {
      server.stop(0);
    }
  }

  /** The hand-assembled request bytes must read back, through Netty's decoder, as the request meant. */
  @Test
  void requestsDecodeAsHttp() {
    Scenario ask = Scenario.ask("ask", List.of("信用卡丢了\"怎么办\"", "假币")).host("localhost");
    EmbeddedChannel server = new EmbeddedChannel(new HttpRequestDecoder(), new HttpObjectAggregator(1 << 16));
    for (String expected : List.of("{\"question\":\"信用卡丢了\\\"怎么办\\\"\"}", "{\"question\":\"假币\"}")) {
      server.writeInbound(ask.nextRequest(ByteBufAllocator.DEFAULT));
      FullHttpRequest request = server.readInbound();
      try {
        assertTrue(request.decoderResult().isSuccess());
        assertEquals(HttpMethod.POST, request.method());
        assertEquals("/api/v1/ask", request.uri());
        assertEquals("localhost", request.headers().get(HttpHeaderNames.HOST));
        assertTrue(HttpUtil.isKeepAlive(request));
        assertEquals("application/json", request.headers().get(HttpHeaderNames.CONTENT_TYPE));
        assertEquals(expected, request.content().toString(StandardCharsets.UTF_8));
      } finally {
        request.release();
      }
    }
    server.writeInbound(Scenario.healthz().nextRequest(ByteBufAllocator.DEFAULT));
    FullHttpRequest health = server.readInbound();
    assertEquals(HttpMethod.GET, health.method());
    assertEquals("/healthz", health.uri());
    assertEquals(0, health.content().readableBytes());
    health.release();
    assertFalse(server.finishAndReleaseAll(), "nothing left over");
  }

  @Test
  void readsCacheRequestsAndCpuFromPrometheusText() {
    String before = String.join("\n",
        "# TYPE cache_gets_total counter",
        "cache_gets_total{cache=\"answers\",result=\"hit\"} 10.0",
        "cache_gets_total{cache=\"answers\",result=\"miss\"} 30.0",
        "cache_gets_total{cache=\"other\",result=\"hit\"} 500.0",
        "http_server_requests_seconds_count{route=\"/healthz\",status=\"200\"} 60",
        "http_server_requests_seconds_count{route=\"/api/v1/ask\",status=\"200\"} 40",
        "http_server_requests_seconds_sum{route=\"/api/v1/ask\",status=\"200\"} 7.5",
        "process_cpu_time_ns_total 2.0E9");
    String after = before.replace("} 10.0", "} 40.0").replace("} 30.0", "} 60.0").replace("} 40\n", "} 1040\n")
        .replace("2.0E9", "2.05E9");
    ServerMetrics.Reading first = ServerMetrics.parse(before);
    ServerMetrics.Reading second = ServerMetrics.parse(after);
    assertEquals(new ServerMetrics.Reading(10, 30, 100, 2.0), first);
    assertEquals(0.5, ServerMetrics.hitRatio(first, second), 1e-9); // 30 hits, 30 misses
    assertEquals(50, ServerMetrics.cpuMicrosPerRequest(first, second), 1e-9); // 0.05 s over 1,000
    assertTrue(Double.isNaN(ServerMetrics.cpuMicrosPerRequest(first, null)));
    assertTrue(Double.isNaN(ServerMetrics.parse("up 1").cpuSeconds()));
  }

  /**
   * The metrics reader asks as a scraper does, in plain HTTP/1.1: the JDK's client otherwise offers
   * an upgrade to h2c, a request the measured server sees nowhere else.
   */
  @Test
  void readsMetricsOverPlainHttp11() throws Exception {
    AtomicReference<String> seen = new AtomicReference<>();
    HttpServer server = serve("/metrics", "process_cpu_time_ns_total 3.0E9\n", exchange ->
        seen.set(exchange.getProtocol() + " upgrade=" + exchange.getRequestHeaders().getFirst("Upgrade")));
    try {
      ServerMetrics.Reading reading = new ServerMetrics("127.0.0.1", server.getAddress().getPort()).read();
      assertEquals(3.0, reading.cpuSeconds(), 1e-9);
      assertEquals("HTTP/1.1 upgrade=null", seen.get());
    } finally {
      server.stop(0);
    }
  }

  /** A JDK HTTP server on a free loopback port answering {} to every request on the path. */
  private static HttpServer serve(String path, Consumer<String> onBody) throws Exception {
    return serve(path, "{}", exchange -> {
      try {
        onBody.accept(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** A JDK HTTP server on a free loopback port answering {@code body} to every request on the path. */
  private static HttpServer serve(String path, String body, Consumer<HttpExchange> onRequest) throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(path, exchange -> {
      onRequest.accept(exchange);
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
    return server;
  }
}
