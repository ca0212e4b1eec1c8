package org.hotline.server;

import static org.hotline.server.ApiTestClient.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Conversations, agents and tickets through the real HTTP API and WebSocket, on the embedded database. */
class ChatApiTest {
  @TempDir static Path dataDir;
  private static Main.Running server;
  private static ApiTestClient client;
  private static String admin;

  @BeforeAll
  static void start() throws Exception {
    server = Main.serve(HotlineConfig.from(Map.of(), List.of("--http-port", "0", "--agi-port", "0", "--host", "127.0.0.1",
        "--data-dir", dataDir.toString(), "--admin-password", "admin-secret-1", "--password-iterations", "1000")));
    client = new ApiTestClient(server.httpPort());
    admin = login("admin", "admin-secret-1");
    client.ok("POST", "/api/v1/agents", admin,
        body("username", "zhang", "password", "agent-pass-1", "displayName", "张敏", "role", "agent"));
    client.ok("POST", "/api/v1/agents", admin,
        body("username", "li", "password", "agent-pass-2", "displayName", "李强", "role", "agent"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String login(String user, String password) throws Exception {
    return client.ok("POST", "/api/v1/agents/login", null, body("username", user, "password", password))
        .get("token").asText();
  }

  private record Conv(String id, String token) {}

  private static Conv open() throws Exception {
    HttpResponse<String> r = client.call("POST", "/api/v1/conversations", null, body("channel", "web"));
    assertEquals(201, r.statusCode(), r.body());
    JsonNode b = ApiTestClient.json(r);
    return new Conv(b.get("conversationId").asText(), b.get("token").asText());
  }

  private static JsonNode say(Conv c, String text) throws Exception {
    return client.ok("POST", "/api/v1/conversations/" + c.id() + "/messages", c.token(), body("text", text));
  }

  @Test
  void aConversationStartsWithAGreetingAndAnUnguessableToken() throws Exception {
    HttpResponse<String> r = client.call("POST", "/api/v1/conversations", null, body("channel", "web"));
    assertEquals(201, r.statusCode());
    JsonNode b = ApiTestClient.json(r);
    assertTrue(b.get("token").asText().length() >= 43, "at least 256 bits of base64");
    assertEquals("bot", b.get("messages").get(0).get("sender").asText());
  }

  @Test
  void theBotAnswersWithTheAskFieldsAndNoHandoff() throws Exception {
    JsonNode turn = say(open(), "信用卡年费怎么收取");
    assertTrue(turn.get("answered").asBoolean(), turn.toString());
    assertEquals("credit-card", turn.get("category").asText());
    assertTrue(turn.get("handoff").isNull());
    assertEquals("bot", turn.get("replies").get(0).get("sender").asText());
    assertTrue(turn.get("replies").get(0).get("rateable").asBoolean());
  }

  @Test
  void aMissingTokenIs401AndAnotherConversationsTokenIs403() throws Exception {
    Conv mine = open();
    Conv theirs = open();
    String path = "/api/v1/conversations/" + mine.id() + "/messages";
    assertEquals(401, client.call("GET", path, null, null).statusCode());
    assertEquals(401, client.call("GET", path, "made-up-token", null).statusCode());
    HttpResponse<String> other = client.call("POST", path, theirs.token(), body("text", "你好"));
    assertEquals(403, other.statusCode());
    assertEquals("forbidden", ApiTestClient.json(other).get("error").asText());
    assertEquals(200, client.call("GET", path, mine.token(), null).statusCode());
  }

  @Test
  void badMessagesGetAClearError() throws Exception {
    Conv c = open();
    String path = "/api/v1/conversations/" + c.id() + "/messages";
    assertEquals("missing_text", ApiTestClient.json(client.call("POST", path, c.token(), "{}")).get("error").asText());
    assertEquals("empty_text", ApiTestClient.json(client.call("POST", path, c.token(), body("text", " "))).get("error").asText());
    assertEquals("text_too_long", ApiTestClient.json(
        client.call("POST", path, c.token(), body("text", "问".repeat(1001)))).get("error").asText());
    assertEquals(400, client.call("POST", path, c.token(), "{\"text\":").statusCode());
    assertEquals(400, client.call("POST", "/api/v1/conversations", null, body("channel", "fax")).statusCode());
    assertEquals(404, client.call("POST", path + "/99/rating", c.token(), body("helpful", true)).statusCode());
  }

  @Test
  void customerTokensAreRefusedOnEveryAgentEndpoint() throws Exception {
    Conv c = open();
    for (String path : List.of("/api/v1/tickets", "/api/v1/tickets/t_x", "/api/v1/canned-replies",
        "/api/v1/agents/me", "/api/v1/reports/complaints?from=2026-01-01&to=2026-12-31")) {
      assertEquals(401, client.call("GET", path, c.token(), null).statusCode(), path);
    }
    assertEquals(401, client.call("POST", "/api/v1/tickets/t_x/claim", c.token(), null).statusCode());
  }

  @Test
  void onlySupervisorsAndAdminsSeeTheComplaintReportAlsoAsCsv() throws Exception {
    String agent = login("zhang", "agent-pass-1");
    String path = "/api/v1/reports/complaints?from=2026-01-01&to=2026-12-31";
    assertEquals(403, client.call("GET", path, agent, null).statusCode());
    JsonNode report = client.ok("GET", path, admin, null);
    assertTrue(report.has("received") && report.has("resolutionRate") && report.has("byCategory"));
    HttpResponse<String> csv = client.call("GET", path + "&format=csv", admin, null);
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    assertTrue(csv.body().contains("办结率"));
    assertEquals(400, client.call("GET", "/api/v1/reports/complaints?from=2026-13-01&to=2026-12-31", admin, null)
        .statusCode());
  }

  @Test
  void anAgentsReplyReachesTheCustomersStreamWithinASecond() throws Exception {
    Conv c = open();
    BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    WebSocket ws = client.stream(c.id(), c.token(), frames);
    try {
      JsonNode handoff = say(c, "转人工").get("handoff");
      String ticket = handoff.get("ticketId").asText();
      String agent = login("zhang", "agent-pass-1");
      client.ok("POST", "/api/v1/tickets/" + ticket + "/claim", agent, null);
      drain(frames);
      long sent = System.nanoTime();
      client.ok("POST", "/api/v1/tickets/" + ticket + "/messages", agent, body("text", "您好，我是张敏"));
      JsonNode frame = nextMessage(frames, "agent");
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
      assertEquals("您好，我是张敏", frame.get("message").get("text").asText());
      assertEquals("张敏", frame.get("message").get("agentName").asText());
      assertTrue(millis < 1000, "took " + millis + " ms");
    } finally {
      ws.abort();
    }
  }

  @Test
  void theStreamAcceptsTheTokenAsItsSubprotocol() throws Exception {
    Conv c = open();
    BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    WebSocket ws = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder()
        .subprotocols(c.token())
        .buildAsync(java.net.URI.create(client.base().replace("http:", "ws:") + "/api/v1/conversations/" + c.id()
            + "/stream"), new WebSocket.Listener() {
              @Override
              public java.util.concurrent.CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                frames.add(data.toString());
                socket.request(1);
                return null;
              }
            })
        .join();
    try {
      assertEquals(c.token(), ws.getSubprotocol(), "the browser needs its subprotocol echoed");
      say(c, "信用卡年费怎么收");
      assertEquals("customer", nextMessage(frames, "customer").get("message").get("sender").asText());
    } finally {
      ws.abort();
    }
  }

  @Test
  void theStreamRefusesAnotherConversationsToken() throws Exception {
    Conv mine = open();
    Conv theirs = open();
    CompletionException e = assertThrows(CompletionException.class,
        () -> client.stream(mine.id(), theirs.token(), new LinkedBlockingQueue<>()));
    java.net.http.WebSocketHandshakeException refused = (java.net.http.WebSocketHandshakeException) e.getCause();
    assertEquals(403, refused.getResponse().statusCode());
  }

  @Test
  void twoAgentsClaimingOverHttpGetOneWinAndOne409() throws Exception {
    Conv c = open();
    String ticket = say(c, "我要找人工客服").get("handoff").get("ticketId").asText();
    String zhang = login("zhang", "agent-pass-1");
    String li = login("li", "agent-pass-2");
    var a = java.util.concurrent.CompletableFuture.supplyAsync(() -> claim(ticket, zhang));
    var b = java.util.concurrent.CompletableFuture.supplyAsync(() -> claim(ticket, li));
    List<Integer> codes = new java.util.ArrayList<>(List.of(a.join(), b.join()));
    codes.sort(null);
    assertEquals(List.of(200, 409), codes);
    JsonNode detail = client.ok("GET", "/api/v1/tickets/" + ticket, zhang, null);
    assertEquals("assigned", detail.get("status").asText());
    assertFalse(detail.get("history").isEmpty());
    assertFalse(detail.get("transcript").isEmpty());
  }

  @Test
  void aResolvedTicketCarriesTheResultAndTheAmountRecovered() throws Exception {
    Conv c = open();
    String ticket = say(c, "转人工").get("handoff").get("ticketId").asText();
    String zhang = login("zhang", "agent-pass-1");
    client.ok("POST", "/api/v1/tickets/" + ticket + "/claim", zhang, null);
    assertEquals(400, client.call("POST", "/api/v1/tickets/" + ticket + "/resolve", zhang,
        body("resolution", "好了", "amountRecovered", -5)).statusCode());
    JsonNode done = client.ok("POST", "/api/v1/tickets/" + ticket + "/resolve", zhang,
        body("resolution", "已退款", "amountRecovered", 120.5, "reportCategory", "价格和计量"));
    assertEquals("resolved", done.get("status").asText());
    assertEquals(120.5, done.get("amountRecovered").asDouble());
    JsonNode transcript = client.ok("GET", "/api/v1/conversations/" + c.id() + "/messages", c.token(), null);
    assertEquals("bot", transcript.get("state").asText());
  }

  @Test
  void ticketListsFilterAndRejectUnknownFilters() throws Exception {
    String zhang = login("zhang", "agent-pass-1");
    assertTrue(client.ok("GET", "/api/v1/tickets?status=queue", zhang, null).get("tickets").isArray());
    assertEquals(400, client.call("GET", "/api/v1/tickets?status=whatever", zhang, null).statusCode());
    assertFalse(client.ok("GET", "/api/v1/canned-replies", zhang, null).get("replies").isEmpty());
  }

  @Test
  void theWidgetAndConsolePagesAreServed() throws Exception {
    HttpResponse<String> widget = client.get("/widget/");
    assertEquals(200, widget.statusCode());
    assertTrue(widget.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(widget.body().contains("/widget/widget.js"));
    assertEquals(200, client.get("/widget/widget.js").statusCode());
    assertEquals(200, client.get("/console/").statusCode());
    assertEquals(404, client.get("/widget/..%2Fconsole%2Findex.html").statusCode());
    assertEquals(404, client.get("/widget/nothing.js").statusCode());
  }

  private static int claim(String ticket, String token) {
    try {
      return client.call("POST", "/api/v1/tickets/" + ticket + "/claim", token, null).statusCode();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void drain(BlockingQueue<String> frames) throws InterruptedException {
    while (frames.poll(200, TimeUnit.MILLISECONDS) != null) {
      // discard what came before
    }
  }

  static JsonNode nextMessage(BlockingQueue<String> frames, String sender) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      String frame = frames.poll(100, TimeUnit.MILLISECONDS);
      if (frame != null) {
        JsonNode node = ApiTestClient.JSON.readTree(frame);
        if (node.path("type").asText().equals("message")
            && node.get("message").get("sender").asText().equals(sender)) {
          return node;
        }
      }
    }
    throw new AssertionError("no " + sender + " message on the stream");
  }
}
