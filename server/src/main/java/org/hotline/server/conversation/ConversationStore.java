package org.hotline.server.conversation;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hotline.server.store.Sql;

/**
 * SQL for conversations and their messages. Every method runs inside the caller's transaction so a
 * reply, a state change and a ticket can commit together. Messages are numbered per conversation
 * under the conversation's row lock, so the numbers have no gaps and follow commit order.
 * Thread-safe (stateless apart from its collaborators).
 */
public final class ConversationStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<Message.Suggestion>> SUGGESTIONS = new TypeReference<>() {};
  private static final String COLUMNS = "id, token_hash, channel, caller, state, created_at, last_seq,"
      + " failed_turns, privacy_notice_given, pending_suggestions, intake, ticket_id";
  private static final String MESSAGE_COLUMNS = "seq, sender, body, sent_at, faq_id, confidence, suggestions,"
      + " agent_id, agent_name, rateable, helpful";

  private final ConversationEvents events;
  private final Clock clock;

  public ConversationStore(ConversationEvents events, Clock clock) {
    this.events = requireNonNull(events, "events");
    this.clock = requireNonNull(clock, "clock");
  }

  public Conversation create(Sql sql, String id, String tokenHash, String channel, String caller)
      throws SQLException {
    long now = clock.millis();
    sql.update("INSERT INTO conversations (" + COLUMNS + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, 0, FALSE, NULL, NULL, NULL, ?)",
        id, tokenHash, channel, caller, Conversation.BOT, now, now);
    return new Conversation(id, tokenHash, channel, caller, Conversation.BOT, now, 0, 0, false, List.of(), null, null);
  }

  public Optional<Conversation> find(Sql sql, String id) throws SQLException {
    return sql.one("SELECT " + COLUMNS + " FROM conversations WHERE id = ?", ConversationStore::conversation, id);
  }

  /** Reads the conversation and locks its row until the transaction ends. */
  public Optional<Conversation> lock(Sql sql, String id) throws SQLException {
    return sql.one("SELECT " + COLUMNS + " FROM conversations WHERE id = ? FOR UPDATE",
        ConversationStore::conversation, id);
  }

  /** Writes the conversation's mutable fields (state and dialogue context). */
  public void save(Sql sql, Conversation c) throws SQLException {
    sql.update("UPDATE conversations SET state = ?, failed_turns = ?, privacy_notice_given = ?,"
            + " pending_suggestions = ?, intake = ?, ticket_id = ?, updated_at = ? WHERE id = ?",
        c.state(), c.failedTurns(), c.privacyNoticeGiven(),
        c.pendingSuggestions().isEmpty() ? null : String.join(",", c.pendingSuggestions()),
        c.intake(), c.ticketId(), clock.millis(), c.id());
    String id = c.id();
    sql.afterCommit(() -> events.changed(id));
  }

  /** Appends a message with the next number; live streams hear of it once the transaction commits. */
  public Message append(Sql sql, String conversationId, Message.Draft draft) throws SQLException {
    long now = clock.millis();
    sql.update("UPDATE conversations SET last_seq = last_seq + 1, updated_at = ? WHERE id = ?", now, conversationId);
    int seq = (int) sql.count("SELECT last_seq FROM conversations WHERE id = ?", conversationId);
    String suggestions = draft.suggestions().isEmpty() ? null : json(draft.suggestions());
    sql.update("INSERT INTO messages (conversation_id, " + MESSAGE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
        conversationId, seq, draft.sender(), draft.text(), now, draft.faqId(), draft.confidence(), suggestions,
        draft.agentId(), draft.agentName(), draft.rateable());
    sql.afterCommit(() -> events.changed(conversationId));
    return new Message(seq, draft.sender(), draft.text(), now, draft.faqId(), draft.confidence(),
        draft.suggestions(), draft.agentId(), draft.agentName(), draft.rateable(), null);
  }

  /** Messages numbered after {@code afterSeq}, in order. */
  public List<Message> messages(Sql sql, String conversationId, int afterSeq) throws SQLException {
    return sql.list("SELECT " + MESSAGE_COLUMNS + " FROM messages WHERE conversation_id = ? AND seq > ? ORDER BY seq",
        ConversationStore::message, conversationId, afterSeq);
  }

  public Optional<Message> message(Sql sql, String conversationId, int seq) throws SQLException {
    return sql.one("SELECT " + MESSAGE_COLUMNS + " FROM messages WHERE conversation_id = ? AND seq = ?",
        ConversationStore::message, conversationId, seq);
  }

  /** Stores the customer's rating of a rateable message; false when there is no such message. */
  public boolean rate(Sql sql, String conversationId, int seq, boolean helpful) throws SQLException {
    return sql.update("UPDATE messages SET helpful = ?, rated_at = ? WHERE conversation_id = ? AND seq = ? AND rateable = TRUE",
        helpful, clock.millis(), conversationId, seq) == 1;
  }

  private static Conversation conversation(ResultSet rs) throws SQLException {
    String pending = rs.getString("pending_suggestions");
    return new Conversation(rs.getString("id"), rs.getString("token_hash"), rs.getString("channel"),
        rs.getString("caller"), rs.getString("state"), rs.getLong("created_at"), rs.getInt("last_seq"),
        rs.getInt("failed_turns"), rs.getBoolean("privacy_notice_given"),
        pending == null ? List.of() : Arrays.asList(pending.split(",")),
        rs.getString("intake"), rs.getString("ticket_id"));
  }

  private static Message message(ResultSet rs) throws SQLException {
    String suggestions = rs.getString("suggestions");
    double confidence = rs.getDouble("confidence");
    Double conf = rs.wasNull() ? null : confidence;
    return new Message(rs.getInt("seq"), rs.getString("sender"), rs.getString("body"), rs.getLong("sent_at"),
        rs.getString("faq_id"), conf, suggestions == null ? List.of() : parse(suggestions),
        rs.getString("agent_id"), rs.getString("agent_name"), rs.getBoolean("rateable"),
        Sql.nullableBoolean(rs, "helpful"));
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Message.Suggestion> parse(String json) {
    try {
      return JSON.readValue(json, SUGGESTIONS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt suggestions column: " + e.getMessage());
    }
  }
}
