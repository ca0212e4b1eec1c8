package org.hotline.server.ivr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hotline.ivr.flow.CallState;
import org.hotline.ivr.flow.SpokenText;
import org.hotline.ivr.vxml.VxmlSchema;
import org.hotline.kb.content.FaqEntry;
import org.hotline.server.HotlineConfig;
import org.hotline.server.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A telephone call through the VoiceXML routes of the real server, on the embedded database: every
 * answer is validated against the W3C VoiceXML 2.1 schema in shared/vxml beside the checkout.
 */
class VxmlRoutesTest {
  private static final String NS = "http://www.w3.org/2001/vxml";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dataDir;
  private static Main.Running server;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    VxmlSchema.load();
    server = Main.serve(HotlineConfig.from(Map.of(), List.of("--http-port", "0", "--agi-port", "0",
        "--host", "127.0.0.1", "--data-dir", dataDir.toString(), "--admin-password", "admin-secret-1",
        "--password-iterations", "1000")));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void startGreetsTheCallerWithTheMainMenu() throws Exception {
    Document doc = ok(get("/ivr/vxml/start", Map.of("caller", "13800138000")));
    assertTrue(prompts(doc).get(0).contains("欢迎致电"), prompts(doc).toString());
    assertEquals(List.of("1", "2", "3", "4", "0", "*"), dtmfItems(doc));
    CallState state = state(doc);
    assertTrue(state.callId().startsWith("c_"), state.callId());
    assertEquals(CallState.Menu.MAIN, state.menu());
    assertEquals(200, get("/ivr/vxml/start", Map.of()).statusCode(), "a withheld number is fine");
  }

  @Test
  void pressingOneThenOneReadsTheFirstCreditCardAnswer() throws Exception {
    Document menu = press(ok(get("/ivr/vxml/start", Map.of("caller", "13800138000"))), "1");
    assertEquals(CallState.Menu.SUB, state(menu).menu());
    assertTrue(prompts(menu).get(0).startsWith("信用卡业务。按一，"), prompts(menu).get(0));
    Document answer = press(menu, "1");
    FaqEntry first = server.knowledgeBase().current().content().entries().stream()
        .filter(e -> e.category().equals("credit-card")).findFirst().orElseThrow();
    assertEquals(SpokenText.forSpeech(first.voiceAnswer()), prompts(answer).get(0));
    assertEquals(CallState.Menu.AFTER_ANSWER, state(answer).menu());
    assertEquals(first.id(), state(answer).faqId());
  }

  @Test
  void aSpokenQuestionIsAnsweredThenTheAfterAnswerMenuFollows() throws Exception {
    Document answer = ok(get("/ivr/vxml/next", Map.of("state", stateToken(newCall()), "input", "信用卡年费怎么收取",
        "inputmode", "voice")));
    assertEquals(CallState.Menu.AFTER_ANSWER, state(answer).menu());
    assertTrue(state(answer).faqId().startsWith("credit-card."), state(answer).faqId());
    assertTrue(prompts(answer).get(1).startsWith("重听请按一"), prompts(answer).toString());
  }

  @Test
  void silenceAndUnrecognisedInputAreReprompted() throws Exception {
    Document start = newCall();
    Document silence = ok(get("/ivr/vxml/next", Map.of("state", stateToken(start), "input", "",
        "inputmode", "noinput")));
    assertEquals("抱歉，没有听到您的选择。", prompts(silence).get(0));
    assertEquals(1, state(silence).reprompts());
    Document nomatch = ok(get("/ivr/vxml/next", Map.of("state", stateToken(silence), "input", "",
        "inputmode", "nomatch")));
    assertEquals("抱歉，您的按键无效。", prompts(nomatch).get(0));
    assertEquals(2, state(nomatch).reprompts());
  }

  @Test
  void pressingZeroTransfersWithATicketTheAgentsSee() throws Exception {
    Document transfer = press(newCall(), "0");
    Element agent = only(transfer, "transfer");
    String ticket = agent.getAttribute("aai");
    assertTrue(ticket.matches("\\d+"), ticket);
    assertEquals("true", agent.getAttribute("bridge"));
    assertTrue(String.join("", prompts(transfer)).contains("您的工单号是：" + SpokenText.digits(ticket)),
        prompts(transfer).toString());

    String token = JSON.readTree(send(HttpRequest.newBuilder(uri("/api/v1/agents/login", Map.of()))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"admin-secret-1\"}"))
        .build()).body()).get("token").asText();
    HttpResponse<String> list = send(HttpRequest.newBuilder(uri("/api/v1/tickets", Map.of("status", "all")))
        .header("Authorization", "Bearer " + token).GET().build());
    assertEquals(200, list.statusCode(), list.body());
    JsonNode listed = null;
    for (JsonNode t : JSON.readTree(list.body()).get("tickets")) {
      if (t.get("number").asText().equals(ticket)) {
        listed = t;
      }
    }
    assertNotNull(listed, "ticket " + ticket + " in " + list.body());
    assertEquals("voice", listed.get("channel").asText());
  }

  @Test
  void aTamperedStateGets400WithAVoiceXmlErrorDocument() throws Exception {
    String good = stateToken(newCall());
    String badMenu = Base64.getUrlEncoder().withoutPadding().encodeToString(
        new String(Base64.getUrlDecoder().decode(good), StandardCharsets.UTF_8).replace("|MAIN|", "|ADMIN|")
            .getBytes(StandardCharsets.UTF_8));
    for (String tampered : List.of(good.substring(0, good.length() / 2) + "*!", badMenu, "")) {
      HttpResponse<String> r = get("/ivr/vxml/next", Map.of("state", tampered, "input", "1", "inputmode", "dtmf"));
      assertEquals(400, r.statusCode(), tampered);
      assertError(r);
    }
    HttpResponse<String> badMode = get("/ivr/vxml/next", Map.of("state", good, "input", "1", "inputmode", "telepathy"));
    assertEquals(400, badMode.statusCode());
    assertError(badMode);
    String unknownCall = Base64.getUrlEncoder().withoutPadding()
        .encodeToString("c_nosuchcall|MAIN|0|||0|0".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> gone = get("/ivr/vxml/next", Map.of("state", unknownCall, "input", "1", "inputmode", "dtmf"));
    assertEquals(404, gone.statusCode());
    assertError(gone);
  }

  // --- the call, over HTTP

  private static Document newCall() throws Exception {
    return ok(get("/ivr/vxml/start", Map.of("caller", "13900139000")));
  }

  private static Document press(Document doc, String key) throws Exception {
    return ok(get("/ivr/vxml/next", Map.of("state", stateToken(doc), "input", key, "inputmode", "dtmf")));
  }

  private static HttpResponse<String> get(String path, Map<String, String> query) throws Exception {
    return send(HttpRequest.newBuilder(uri(path, query)).GET().build());
  }

  private static URI uri(String path, Map<String, String> query) {
    String q = query.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return URI.create("http://127.0.0.1:" + server.httpPort() + path + (q.isEmpty() ? "" : "?" + q));
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static Document ok(HttpResponse<String> response) throws Exception {
    assertEquals(200, response.statusCode(), response.body());
    assertEquals(VxmlRoutes.CONTENT_TYPE, response.headers().firstValue("Content-Type").orElse(""));
    return validated(response.body());
  }

  private static void assertError(HttpResponse<String> response) throws Exception {
    assertEquals(VxmlRoutes.CONTENT_TYPE, response.headers().firstValue("Content-Type").orElse(""));
    Document doc = validated(response.body());
    assertTrue(prompts(doc).get(0).startsWith("抱歉"), response.body());
    assertEquals(1, doc.getElementsByTagNameNS(NS, "disconnect").getLength());
  }

  // --- reading documents

  private static Document validated(String xml) throws Exception {
    return VxmlSchema.validated(xml);
  }

  private static String stateToken(Document doc) {
    NodeList vars = doc.getElementsByTagNameNS(NS, "var");
    for (int i = 0; i < vars.getLength(); i++) {
      Element v = (Element) vars.item(i);
      if (v.getAttribute("name").equals("state")) {
        String expr = v.getAttribute("expr");
        return expr.substring(1, expr.length() - 1);
      }
    }
    throw new AssertionError("no state in the document");
  }

  private static CallState state(Document doc) {
    return CallState.decode(stateToken(doc));
  }

  private static List<String> prompts(Document doc) {
    List<String> texts = new ArrayList<>();
    NodeList prompts = doc.getElementsByTagNameNS(NS, "prompt");
    for (int i = 0; i < prompts.getLength(); i++) {
      texts.add(prompts.item(i).getTextContent());
    }
    return texts;
  }

  private static List<String> dtmfItems(Document doc) {
    List<String> items = new ArrayList<>();
    NodeList nodes = doc.getElementsByTagNameNS(NS, "item");
    for (int i = 0; i < nodes.getLength(); i++) {
      items.add(nodes.item(i).getTextContent());
    }
    return items;
  }

  private static Element only(Document doc, String name) {
    NodeList nodes = doc.getElementsByTagNameNS(NS, name);
    assertEquals(1, nodes.getLength(), "one " + name);
    return (Element) nodes.item(0);
  }
}
