package org.hotline.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.handler.codec.http.HttpMethod;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The server on real sockets, over each transport: epoll where it loads, NIO everywhere. */
class HttpServerTest {
  @ParameterizedTest
  @EnumSource(Transport.class)
  void servesOverEachTransport(Transport transport) throws Exception {
    Router router = new Router()
        .add(HttpMethod.POST, "/echo", request -> ApiResponse.json(request.jsonBody()));
    try (HttpServer server = new HttpServer(
        new RequestDispatcher(router, Runnable::run, new SimpleMeterRegistry()), null, List.of("*"), transport)) {
      int port = server.start("127.0.0.1", 0);
      assertEquals(transport, server.transport());
      HttpClient client = HttpClient.newHttpClient();
      for (int i = 0; i < 3; i++) { // one keep-alive connection, several requests
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/echo"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"n\":" + i + "}")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals("{\"n\":" + i + "}", response.body());
      }
    }
  }

  /** CI and the benchmarks run on Linux x86-64, where the native epoll library must load from the jar. */
  @Test
  void picksEpollOnLinuxX86() {
    if (System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64")) {
      assertEquals(Transport.EPOLL, Transport.best());
    } else {
      assertEquals(Transport.NIO, Transport.best());
    }
  }
}
