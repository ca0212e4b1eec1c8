package org.hotline.server.conversation;

import java.util.List;

/**
 * A conversation's state as stored: who may speak (bot, collecting complaint facts, queued for an
 * agent, an agent owns it, closed), the dialogue context and the ticket it was handed off with.
 * Immutable; changes go through {@code with...} copies and {@link ConversationStore#save}.
 */
public record Conversation(
    String id, String tokenHash, String channel, String caller, String state, long createdAt,
    int lastSeq, int failedTurns, boolean privacyNoticeGiven, List<String> pendingSuggestions,
    String intake, String ticketId) {

  public static final String BOT = "bot";
  public static final String COLLECTING = "collecting";
  public static final String QUEUED = "queued";
  public static final String AGENT = "agent";
  public static final String CLOSED = "closed";

  public Conversation withState(String newState) {
    return new Conversation(id, tokenHash, channel, caller, newState, createdAt, lastSeq, failedTurns,
        privacyNoticeGiven, pendingSuggestions, intake, ticketId);
  }

  public Conversation withFailedTurns(int turns) {
    return new Conversation(id, tokenHash, channel, caller, state, createdAt, lastSeq, turns,
        privacyNoticeGiven, pendingSuggestions, intake, ticketId);
  }

  public Conversation withPrivacyNoticeGiven() {
    return new Conversation(id, tokenHash, channel, caller, state, createdAt, lastSeq, failedTurns,
        true, pendingSuggestions, intake, ticketId);
  }

  public Conversation withPendingSuggestions(List<String> faqIds) {
    return new Conversation(id, tokenHash, channel, caller, state, createdAt, lastSeq, failedTurns,
        privacyNoticeGiven, List.copyOf(faqIds), intake, ticketId);
  }

  public Conversation withIntake(String newIntake) {
    return new Conversation(id, tokenHash, channel, caller, state, createdAt, lastSeq, failedTurns,
        privacyNoticeGiven, pendingSuggestions, newIntake, ticketId);
  }

  public Conversation withTicket(String newTicketId) {
    return new Conversation(id, tokenHash, channel, caller, state, createdAt, lastSeq, failedTurns,
        privacyNoticeGiven, pendingSuggestions, intake, newTicketId);
  }

  /** Whether a person (queued or owning) has the conversation, so the bot keeps quiet. */
  public boolean withPeople() {
    return state.equals(QUEUED) || state.equals(AGENT);
  }
}
