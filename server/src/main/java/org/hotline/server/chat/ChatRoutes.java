package org.hotline.server.chat;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.hotline.server.ask.AskResponse;
import org.hotline.server.auth.Tokens;
import org.hotline.server.conversation.Message;
import org.hotline.server.http.ApiException;
import org.hotline.server.http.ApiRequest;
import org.hotline.server.http.ApiResponse;
import org.hotline.server.http.Route;

/**
 * The customer's API: open a conversation, send messages, ask for a person, rate answers, read the
 * transcript. All routes touch the database and so run on worker threads.
 */
public final class ChatRoutes {
  /** Longest message accepted, in characters. */
  public static final int MAX_TEXT_CHARS = 1000;
  private static final Set<String> CHANNELS = Set.of("web");

  private final Dialogue dialogue;
  private final CustomerAuth auth;

  public ChatRoutes(Dialogue dialogue, CustomerAuth auth) {
    this.dialogue = requireNonNull(dialogue, "dialogue");
    this.auth = requireNonNull(auth, "auth");
  }

  /** {@code POST /api/v1/conversations {"channel": "web"}} → 201 with the id and the token. */
  public Route create() {
    return Route.blocking(request -> {
      ObjectNode body = request.jsonBody();
      String channel = body.path("channel").asText("web");
      if (!CHANNELS.contains(channel)) {
        throw ApiException.badRequest("invalid_channel", "channel must be 'web'");
      }
      Dialogue.Started started = dialogue.start(channel, null, null);
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("conversationId", started.conversationId());
      view.put("token", started.token());
      view.put("state", started.conversation().state());
      view.put("messages", started.messages().stream().map(Message::view).toList());
      return ApiResponse.json(HttpResponseStatus.CREATED, view);
    });
  }

  /** {@code POST /api/v1/conversations/{id}/messages {"text": "..."}} → the bot's turn. */
  public Route send() {
    return Route.blocking(request -> {
      String id = authorize(request);
      String text = text(request.jsonBody().get("text"));
      return ApiResponse.json(turnView(dialogue.say(id, text)));
    });
  }

  /** {@code POST /api/v1/conversations/{id}/handoff}: the 转人工 button. */
  public Route handoff() {
    return Route.blocking(request -> ApiResponse.json(turnView(dialogue.requestPerson(authorize(request)))));
  }

  /** {@code GET /api/v1/conversations/{id}/messages?after=N}. */
  public Route transcript() {
    return Route.blocking(request -> {
      String id = authorize(request);
      String after = request.queryParam("after");
      int afterSeq;
      try {
        afterSeq = after == null ? 0 : Integer.parseInt(after);
      } catch (NumberFormatException e) {
        throw ApiException.badRequest("invalid_after", "'after' must be a message number");
      }
      return ApiResponse.json(dialogue.transcript(id, afterSeq));
    });
  }

  /** {@code POST /api/v1/conversations/{id}/messages/{seq}/rating {"helpful": true}}. */
  public Route rate() {
    return Route.blocking(request -> {
      String id = authorize(request);
      int seq;
      try {
        seq = Integer.parseInt(request.pathParam("seq"));
      } catch (NumberFormatException e) {
        throw ApiException.badRequest("invalid_seq", "the message number must be an integer");
      }
      JsonNode helpful = request.jsonBody().get("helpful");
      if (helpful == null || !helpful.isBoolean()) {
        throw ApiException.badRequest("invalid_rating", "field 'helpful' must be true or false");
      }
      Dialogue.Turn turn = dialogue.rate(id, seq, helpful.booleanValue());
      Map<String, Object> view = turnView(turn);
      view.put("seq", seq);
      view.put("helpful", helpful.booleanValue());
      return ApiResponse.json(view);
    });
  }

  private String authorize(ApiRequest request) {
    String id = request.pathParam("id");
    auth.authorize(id, Tokens.bearer(request.header(HttpHeaderNames.AUTHORIZATION)));
    return id;
  }

  static String text(JsonNode node) {
    if (node == null || node.isNull()) {
      throw ApiException.badRequest("missing_text", "field 'text' is required");
    }
    if (!node.isTextual()) {
      throw ApiException.badRequest("invalid_text", "field 'text' must be a string");
    }
    String text = node.textValue();
    if (text.isBlank()) {
      throw ApiException.badRequest("empty_text", "field 'text' is empty");
    }
    if (text.codePointCount(0, text.length()) > MAX_TEXT_CHARS) {
      throw ApiException.badRequest("text_too_long", "field 'text' exceeds " + MAX_TEXT_CHARS + " characters");
    }
    return text;
  }

  static Map<String, Object> turnView(Dialogue.Turn turn) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("customerMessage", turn.customerMessage() == null ? null : turn.customerMessage().view());
    view.put("replies", turn.replies().stream().map(Message::view).toList());
    AskResponse ask = turn.answer() == null ? null : AskResponse.of(turn.answer());
    view.put("answered", ask != null && ask.answered());
    view.put("answer", ask == null ? null : ask.answer());
    view.put("voiceAnswer", ask == null ? null : ask.voiceAnswer());
    view.put("faqId", ask == null ? null : ask.faqId());
    view.put("category", ask == null ? null : ask.category());
    view.put("confidence", ask == null ? 0.0 : ask.confidence());
    view.put("fraudWarning", ask != null && ask.fraudWarning());
    view.put("suggestions", ask == null ? java.util.List.of() : ask.suggestions());
    view.put("handoff", turn.handoff());
    view.put("state", turn.state());
    return view;
  }
}
