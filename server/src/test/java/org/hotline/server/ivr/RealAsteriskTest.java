package org.hotline.server.ivr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.hotline.kb.content.FaqEntry;
import org.hotline.server.HotlineConfig;
import org.hotline.server.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The phone menu end to end: a real Asterisk 22 (see {@link RealAsterisk}) calls our FastAGI server,
 * the caller contexts of {@code .ci/asterisk/extensions.conf} press keys, and prompts spoken with
 * {@code --tts exec:Verbose} show up on Asterisk's console.
 */
class RealAsteriskTest {
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern HANDOFF = Pattern.compile("HOTLINE-HANDOFF queue=(\\S+) ticket=(\\d+)");
  private static final String CHINESE_DIGITS = "零一二三四五六七八九";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dataDir;
  private static Main.Running server;
  private static RealAsterisk asterisk;
  private static Optional<String> unavailable;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    unavailable = RealAsterisk.unavailableReason();
    if (unavailable.isPresent()) {
      return; // each test aborts with the reason: an abort here would leave surefire reporting nothing at all
    }
    server = Main.serve(HotlineConfig.from(Map.of(), List.of("--http-port", "0", "--agi-port", "0",
        "--host", "127.0.0.1", "--data-dir", dataDir.toString(), "--admin-password", "admin-secret-1",
        "--password-iterations", "1000", "--tts", "exec:Verbose")));
    asterisk = new RealAsterisk();
    asterisk.start();
    asterisk.setAgiPort(server.agiPort());
  }

  @BeforeEach
  void skipWithoutAsterisk() {
    if (unavailable.isPresent()) {
      Assumptions.abort("skipped: " + unavailable.get());
    }
  }

  @AfterAll
  static void stop() {
    if (asterisk != null) {
      asterisk.stop();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aCallerPressingOneThenOneHearsTheFirstCreditCardAnswer() throws Exception {
    FaqEntry first = server.knowledgeBase().current().content().entries().stream()
        .filter(e -> e.category().equals("credit-card"))
        .findFirst().orElseThrow();
    String heard = spokenStart(first.voiceAnswer());

    int mark = asterisk.mark();
    asterisk.originate("caller-menu");

    asterisk.awaitOutput(Pattern.compile(Pattern.quote(heard)), CALL_TIMEOUT, mark);
  }

  @Test
  void aCallerPressingZeroIsHandedOffWithATicketTheAgentsApiShows() throws Exception {
    int mark = asterisk.mark();
    asterisk.originate("caller-agent");

    Matcher handoff = HANDOFF.matcher(asterisk.awaitOutput(HANDOFF, CALL_TIMEOUT, mark));
    assertTrue(handoff.matches());
    String ticket = handoff.group(2);

    String token = send("POST", "/api/v1/agents/login", null,
        "{\"username\":\"admin\",\"password\":\"admin-secret-1\"}").get("token").asText();
    JsonNode queued = send("GET", "/api/v1/tickets?status=queue", token, null).get("tickets");
    JsonNode listed = StreamSupport.stream(queued.spliterator(), false)
        .filter(t -> t.path("number").asText().equals(ticket))
        .findFirst()
        .orElseThrow(() -> new AssertionError("ticket " + ticket + " not in the queue: " + queued));
    assertEquals("voice", listed.path("channel").asText(), listed.toString());
  }

  /** The first words of a spoken text as the console shows them: digits become 零..九, one by one. */
  private static String spokenStart(String text) {
    StringBuilder spoken = new StringBuilder();
    text.codePoints().forEach(c -> {
      if (c >= '0' && c <= '9') {
        spoken.append(CHINESE_DIGITS.charAt(c - '0'));
      } else {
        spoken.appendCodePoint(c);
      }
    });
    String start = spoken.substring(0, Math.min(12, spoken.length()));
    // A speaker may split at punctuation; up to the first mark is still long enough to be unique.
    Matcher beforeMark = Pattern.compile("^[^\\p{P}\\s]{6,}").matcher(start);
    return beforeMark.find() ? beforeMark.group() : start;
  }

  private JsonNode send(String method, String path, String token, String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response = http.send(request.build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(2, response.statusCode() / 100, method + " " + path + " returned " + response.statusCode()
        + ": " + response.body());
    return JSON.readTree(response.body());
  }
}
