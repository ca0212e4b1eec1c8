package org.hotline.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hotline.kb.content.BundledContent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reloading an operator's content directory, by API and by file change, under load. */
class KnowledgeBaseReloadApiTest {
  @TempDir Path kbDir;
  @TempDir Path dataDir;
  private Main.Running server;
  private ApiTestClient client;
  private Path file;
  private String original;
  private String admin;

  @BeforeEach
  void start() throws Exception {
    BundledContent.copyTo(kbDir);
    file = kbDir.resolve("credit-card.json");
    original = Files.readString(file, StandardCharsets.UTF_8);
    server = Main.serve(HotlineConfig.from(Map.of(), List.of("--http-port", "0", "--agi-port", "0", "--host", "127.0.0.1",
        "--data-dir", dataDir.toString(), "--kb-dir", kbDir.toString(), "--admin-password", "admin-secret-1",
        "--password-iterations", "1000")));
    client = new ApiTestClient(server.httpPort());
    admin = client.ok("POST", "/api/v1/agents/login", null,
        ApiTestClient.body("username", "admin", "password", "admin-secret-1")).get("token").asText();
  }

  @Test
  void onlyAnAdminMayReload() throws Exception {
    assertEquals(401, client.postJson("/api/v1/kb/reload", "{}").statusCode());
    client.ok("POST", "/api/v1/agents", admin, ApiTestClient.body("username", "agent1", "password", "agent-pass-1",
        "role", "agent"));
    String agent = client.ok("POST", "/api/v1/agents/login", null,
        ApiTestClient.body("username", "agent1", "password", "agent-pass-1")).get("token").asText();
    assertEquals(403, client.call("POST", "/api/v1/kb/reload", agent, "{}").statusCode());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aBadEditIsRefusedWithItsReasonAndTheOldIndexKeepsServing() throws Exception {
    assertEquals("credit-card.lost", client.ask("信用卡丢了怎么办").get("faqId").asText());
    Files.writeString(file, original.replace("\"category\": \"credit-card\"", "\"category\": \"weather\""),
        StandardCharsets.UTF_8);
    var response = client.call("POST", "/api/v1/kb/reload", admin, "{}");
    AskApiTest.assertError(response, 422, "invalid_content");
    assertTrue(response.body().contains("credit-card.json"), response.body());
    assertTrue(response.body().contains("unknown category 'weather'"), response.body());
    assertEquals("credit-card.lost", client.ask("信用卡丢了怎么办").get("faqId").asText());
  }

  @Test
  void aGoodEditTakesEffectAndDropsCachedAnswers() throws Exception {
    String before = client.ask("信用卡丢了怎么办").get("answer").asText();
    String edited = editLostCardAnswer("【已更新】");
    var response = client.call("POST", "/api/v1/kb/reload", admin, "{}");
    assertEquals(200, response.statusCode(), response.body());
    String after = client.ask("信用卡丢了怎么办").get("answer").asText();
    assertTrue(after.startsWith("【已更新】"), after);
    assertEquals(edited, after);
    assertTrue(!before.equals(after));
  }

  @Test
  void aFileChangeInTheContentDirectoryReloadsByItself() throws Exception {
    client.ask("信用卡丢了怎么办");
    editLostCardAnswer("【文件变更】");
    long deadline = System.nanoTime() + 20_000_000_000L;
    String answer = "";
    while (System.nanoTime() < deadline && !answer.startsWith("【文件变更】")) {
      Thread.sleep(200);
      answer = client.ask("信用卡丢了怎么办").get("answer").asText();
    }
    assertTrue(answer.startsWith("【文件变更】"), answer);
  }

  @Test
  void reloadingNeverFailsARequestInFlight() throws Exception {
    ExecutorService askers = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(askers.submit(() -> {
          int ok = 0;
          ApiTestClient own = new ApiTestClient(server.httpPort());
          for (int i = 0; i < 150; i++) {
            var r = own.postJson("/api/v1/ask", "{\"question\":\"信用卡丢了怎么办 " + i + "\"}");
            if (r.statusCode() == 200) {
              ok++;
            }
          }
          return ok;
        }));
      }
      for (int i = 0; i < 3; i++) {
        assertEquals(200, client.call("POST", "/api/v1/kb/reload", admin, "{}").statusCode());
      }
      for (Future<Integer> f : results) {
        assertEquals(150, f.get());
      }
    } finally {
      askers.shutdownNow();
    }
  }

  private String editLostCardAnswer(String prefix) throws Exception {
    var json = ApiTestClient.JSON;
    var root = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(original);
    String edited = null;
    for (var entry : root.withArray("entries")) {
      if (entry.get("id").asText().equals("credit-card.lost")) {
        edited = prefix + entry.get("answer").asText();
        ((com.fasterxml.jackson.databind.node.ObjectNode) entry).put("answer", edited);
      }
    }
    Files.writeString(file, json.writeValueAsString(root), StandardCharsets.UTF_8);
    return edited;
  }
}
