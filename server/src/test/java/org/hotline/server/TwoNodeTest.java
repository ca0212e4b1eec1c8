package org.hotline.server;

import static org.hotline.server.ApiTestClient.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hotline.server.store.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server nodes sharing one PostgreSQL: a customer connected to node A hears, live, the reply an
 * agent sends through node B (PostgreSQL LISTEN/NOTIFY carries the news between them).
 */
class TwoNodeTest {
  @TempDir static Path dirA;
  @TempDir static Path dirB;
  private static String url;
  private static Main.Running nodeA;
  private static Main.Running nodeB;

  @BeforeAll
  static void start() throws Exception {
    url = TestDatabases.freshPostgresSchema();
    nodeA = Main.serve(config(dirA));
    nodeB = Main.serve(config(dirB));
  }

  private static HotlineConfig config(Path dir) {
    return HotlineConfig.from(Map.of(), List.of("--http-port", "0", "--agi-port", "0", "--host", "127.0.0.1", "--data-dir", dir.toString(),
        "--db-url", url, "--admin-password", "admin-secret-1", "--password-iterations", "1000"));
  }

  @AfterAll
  static void stop() {
    nodeA.close();
    nodeB.close();
    TestDatabases.dropPostgresSchema(url);
  }

  @Test
  void aCustomerOnNodeAHearsTheReplyAnAgentSendsThroughNodeB() throws Exception {
    ApiTestClient a = new ApiTestClient(nodeA.httpPort());
    ApiTestClient b = new ApiTestClient(nodeB.httpPort());
    JsonNode conv = a.ok("POST", "/api/v1/conversations", null, body("channel", "web"));
    String id = conv.get("conversationId").asText();
    String token = conv.get("token").asText();
    BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    WebSocket ws = a.stream(id, token, frames);
    try {
      String ticket = a.ok("POST", "/api/v1/conversations/" + id + "/messages", token, body("text", "转人工"))
          .get("handoff").get("ticketId").asText();
      String agent = b.ok("POST", "/api/v1/agents/login", null, body("username", "admin", "password", "admin-secret-1"))
          .get("token").asText();
      b.ok("POST", "/api/v1/tickets/" + ticket + "/claim", agent, null);
      long sent = System.nanoTime();
      b.ok("POST", "/api/v1/tickets/" + ticket + "/messages", agent, body("text", "我在B节点回复您"));
      JsonNode frame = ChatApiTest.nextMessage(frames, "agent");
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
      assertEquals("我在B节点回复您", frame.get("message").get("text").asText());
      assertTrue(millis < 1000, "took " + millis + " ms");

      a.ok("POST", "/api/v1/conversations/" + id + "/messages", token, body("text", "好的谢谢"));
      JsonNode detail = b.ok("GET", "/api/v1/tickets/" + ticket, agent, null);
      JsonNode last = detail.get("transcript").get(detail.get("transcript").size() - 1);
      assertEquals("好的谢谢", last.get("text").asText(), "node B sees what the customer sent through node A");
    } finally {
      ws.abort();
    }
  }
}
