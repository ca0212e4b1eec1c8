package org.hotline.server.ivr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hotline.ivr.flow.SpokenText;
import org.hotline.kb.content.FaqEntry;
import org.hotline.server.HotlineConfig;
import org.hotline.server.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Telephone calls through the server's FastAGI port, with a scripted Asterisk on the other end. */
class FastAgiCallTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dataDir;
  private static Main.Running server;

  @BeforeAll
  static void start() throws Exception {
    server = Main.serve(HotlineConfig.from(Map.of(), List.of("--http-port", "0", "--agi-port", "0",
        "--host", "127.0.0.1", "--data-dir", dataDir.toString(), "--admin-password", "admin-secret-1",
        "--password-iterations", "1000", "--tts", "exec:Verbose(0,{text})", "--agi-speech", "variable:RECOGNIZED")));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static ScriptedAsterisk call(List<String> keys) throws Exception {
    return new ScriptedAsterisk(keys, Map.of()).call(server.agiPort(), "13800138000", Integer.MAX_VALUE);
  }

  private static FaqEntry firstCreditCardEntry() {
    return server.knowledgeBase().current().content().entries().stream()
        .filter(e -> e.category().equals("credit-card")).findFirst().orElseThrow();
  }

  @Test
  void aCallerPressingOneThenOneHearsTheFirstCreditCardAnswer() throws Exception {
    ScriptedAsterisk asterisk = call(List.of("1", "1", "", "", ""));
    assertEquals("ANSWER", asterisk.commands.get(0));
    assertTrue(asterisk.spoken.get(0).contains("欢迎致电"), asterisk.spoken.toString());
    FaqEntry entry = firstCreditCardEntry();
    assertTrue(asterisk.spoken.contains(SpokenText.forSpeech(entry.voiceAnswer()).replace(',', '，')),
        asterisk.spoken.toString());
    assertEquals(entry.id(), asterisk.variables.get("HOTLINE_FAQ"));
    // after the answer, silence three times: two re-prompts, then an agent rather than a dropped call
    assertTrue(asterisk.variables.containsKey("HOTLINE_TICKET"), asterisk.variables.toString());
  }

  @Test
  void aCallerPressingZeroIsHandedOffWithATicketTheAgentsApiShows() throws Exception {
    ScriptedAsterisk asterisk = call(List.of("0"));
    String ticket = asterisk.variables.get("HOTLINE_TICKET");
    assertEquals("hotline", asterisk.variables.get("HOTLINE_QUEUE"));
    String spokenNumber = SpokenText.digits(ticket);
    assertTrue(asterisk.spoken.stream().anyMatch(s -> s.contains(spokenNumber)), "the number is read digit by digit");
    assertFalse(asterisk.commands.stream().anyMatch(c -> c.startsWith("HANGUP")), "the dialplan continues to Queue()");

    HttpClient http = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + server.httpPort();
    String token = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/agents/login"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"admin-secret-1\"}"))
        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString()).body())
        .get("token").asText();
    JsonNode queue = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tickets?status=queue"))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body());
    JsonNode found = null;
    for (JsonNode t : queue.get("tickets")) {
      if (t.get("number").asText().equals(ticket)) {
        found = t;
      }
    }
    assertTrue(found != null, "ticket " + ticket + " is in the agents' queue");
    assertEquals("voice", found.get("channel").asText());
    JsonNode detail = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tickets/"
        + found.get("id").asText())).header("Authorization", "Bearer " + token).build(),
        HttpResponse.BodyHandlers.ofString()).body());
    assertTrue(detail.get("transcript").toString().contains("138****8000"), "the caller's number is masked");
    assertFalse(detail.toString().contains("13800138000"));
  }

  @Test
  void keyFourGoesToThePriorityQueue() throws Exception {
    ScriptedAsterisk asterisk = call(List.of("4"));
    assertEquals("hotline-urgent", asterisk.variables.get("HOTLINE_QUEUE"));
  }

  @Test
  void aSpokenQuestionLeftInTheChannelVariableIsAnswered() throws Exception {
    ScriptedAsterisk asterisk = new ScriptedAsterisk(List.of("", "#"), Map.of("RECOGNIZED", "信用卡年费怎么收"))
        .call(server.agiPort(), "13800138000", Integer.MAX_VALUE);
    assertTrue(asterisk.commands.contains("GET VARIABLE RECOGNIZED"), asterisk.commands.toString());
    assertTrue(asterisk.variables.getOrDefault("HOTLINE_FAQ", "").startsWith("credit-card."), asterisk.variables.toString());
  }

  @Test
  void aCallerWhoHangsUpMidCallReleasesItWithoutATicket() throws Exception {
    ScriptedAsterisk asterisk = new ScriptedAsterisk(List.of("1", "1"), Map.of())
        .call(server.agiPort(), "13800138000", 3);
    assertFalse(asterisk.variables.containsKey("HOTLINE_TICKET"));
    assertTrue(asterisk.commands.size() <= 5, "the server stops soon after the hang-up: " + asterisk.commands);
  }
}
