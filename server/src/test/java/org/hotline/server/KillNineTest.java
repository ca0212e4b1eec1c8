package org.hotline.server;

import static org.hotline.server.ApiTestClient.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the server with SIGKILL in the middle of traffic on the embedded database, starts it again
 * on the same data directory, and checks that every message and ticket it acknowledged is there.
 */
class KillNineTest {
  @TempDir Path dataDir;

  private record Acked(String conversationId, String token, int seq, String text) {}

  @Test
  void nothingAcknowledgedIsLostWhenTheServerIsKilled() throws Exception {
    int port = freePort();
    Process server = start(port);
    List<Acked> messages = new ArrayList<>();
    Map<String, String> tickets = new ConcurrentHashMap<>();
    try {
      ApiTestClient client = new ApiTestClient(port);
      awaitReady(client);
      ConcurrentLinkedQueue<Acked> acked = new ConcurrentLinkedQueue<>();
      AtomicBoolean running = new AtomicBoolean(true);
      ExecutorService load = Executors.newFixedThreadPool(4);
      for (int t = 0; t < 4; t++) {
        int thread = t;
        load.submit(() -> {
          int n = 0;
          while (running.get()) {
            try {
              JsonNode conv = client.ok("POST", "/api/v1/conversations", null, body("channel", "web"));
              String id = conv.get("conversationId").asText();
              String token = conv.get("token").asText();
              for (String text : List.of("信用卡年费怎么收 " + thread + "-" + n, "转人工 " + thread + "-" + n)) {
                JsonNode turn = client.ok("POST", "/api/v1/conversations/" + id + "/messages", token, body("text", text));
                acked.add(new Acked(id, token, turn.get("customerMessage").get("seq").asInt(), text));
                if (!turn.get("handoff").isNull()) {
                  tickets.put(turn.get("handoff").get("ticketId").asText(), id);
                }
              }
              n++;
            } catch (Throwable e) {
              return; // the server is gone
            }
          }
        });
      }
      Thread.sleep(3000);
      server.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
      server.waitFor(10, TimeUnit.SECONDS);
      running.set(false);
      load.shutdown();
      assertTrue(load.awaitTermination(20, TimeUnit.SECONDS));
      messages.addAll(acked);
    } finally {
      server.destroyForcibly();
    }
    assertTrue(messages.size() >= 10, "only " + messages.size() + " messages were acknowledged before the kill");

    Process again = start(port);
    try {
      ApiTestClient client = new ApiTestClient(port);
      awaitReady(client);
      for (Acked m : messages) {
        JsonNode transcript = client.ok("GET", "/api/v1/conversations/" + m.conversationId() + "/messages?after="
            + (m.seq() - 1), m.token(), null);
        assertEquals(m.text(), transcript.get("messages").get(0).get("text").asText());
      }
      String admin = client.ok("POST", "/api/v1/agents/login", null,
          body("username", "admin", "password", "admin-secret-1")).get("token").asText();
      for (var ticket : tickets.entrySet()) {
        JsonNode detail = client.ok("GET", "/api/v1/tickets/" + ticket.getKey(), admin, null);
        assertEquals(ticket.getValue(), detail.get("conversationId").asText());
      }
    } finally {
      again.destroyForcibly();
      again.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private Process start(int port) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve",
        "--host", "127.0.0.1", "--http-port", Integer.toString(port), "--agi-port", "0", "--data-dir", dataDir.toString(),
        "--admin-password", "admin-secret-1", "--password-iterations", "1000")
        .redirectErrorStream(true)
        .redirectOutput(dataDir.resolve("server.log").toFile())
        .start();
  }

  private static void awaitReady(ApiTestClient client) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> r = client.get("/readyz");
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the server did not become ready");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
