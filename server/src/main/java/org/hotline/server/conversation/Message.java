package org.hotline.server.conversation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One message of a conversation, numbered from 1 in order. Text is already masked. Immutable.
 *
 * @param sender customer, bot, agent or system
 * @param rateable whether the customer may rate it (bot answers)
 * @param helpful the customer's rating, or null
 */
public record Message(
    int seq, String sender, String text, long sentAt, String faqId, Double confidence,
    List<Suggestion> suggestions, String agentId, String agentName, boolean rateable, Boolean helpful) {

  public static final String CUSTOMER = "customer";
  public static final String BOT = "bot";
  public static final String AGENT = "agent";
  public static final String SYSTEM = "system";

  /** A "did you mean" suggestion: an entry and its question. */
  public record Suggestion(String faqId, String question) {}

  /** A message not yet numbered or stored. */
  public record Draft(String sender, String text, String faqId, Double confidence,
      List<Suggestion> suggestions, String agentId, String agentName, boolean rateable) {

    public static Draft of(String sender, String text) {
      return new Draft(sender, text, null, null, List.of(), null, null, false);
    }
  }

  /** The JSON view the API returns and the stream pushes. */
  public Map<String, Object> view() {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("seq", seq);
    view.put("sender", sender);
    view.put("text", text);
    view.put("at", Instant.ofEpochMilli(sentAt).toString());
    view.put("faqId", faqId);
    view.put("suggestions", suggestions);
    view.put("agentName", agentName);
    view.put("rateable", rateable);
    view.put("helpful", helpful);
    return view;
  }
}
