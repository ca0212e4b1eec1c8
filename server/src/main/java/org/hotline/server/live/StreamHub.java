package org.hotline.server.live;

import static java.util.Objects.requireNonNull;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.hotline.server.conversation.Conversation;
import org.hotline.server.conversation.ConversationStore;
import org.hotline.server.conversation.Message;
import org.hotline.server.http.Json;
import org.hotline.server.store.Database;
import org.hotline.server.store.Sql;

/**
 * The live streams open on this node, by conversation. When a conversation changes (on any node),
 * each of its streams gets the messages it has not seen yet, and the new state when it changed.
 * Thread-safe: reads run on the worker executor, frames are written through Netty's thread-safe
 * channel writes.
 */
public final class StreamHub implements Consumer<String> {
  /** One open stream and how far it has got. */
  static final class Subscriber {
    final Channel channel;
    int lastSeq;
    String lastState;

    Subscriber(Channel channel, int lastSeq, String lastState) {
      this.channel = channel;
      this.lastSeq = lastSeq;
      this.lastState = lastState;
    }
  }

  private final Database db;
  private final ConversationStore conversations;
  private final Executor workers;
  private final Map<String, Set<Subscriber>> streams = new ConcurrentHashMap<>();

  public StreamHub(Database db, ConversationStore conversations, Executor workers) {
    this.db = requireNonNull(db, "db");
    this.conversations = requireNonNull(conversations, "conversations");
    this.workers = requireNonNull(workers, "workers");
  }

  /**
   * Adds an open stream. It is sent what came after {@code afterSeq} (or, when null, only what
   * comes from now on).
   */
  public void register(Conversation conversation, Channel channel, Integer afterSeq) {
    Subscriber subscriber = new Subscriber(channel,
        afterSeq == null ? conversation.lastSeq() : afterSeq, conversation.state());
    streams.computeIfAbsent(conversation.id(), k -> ConcurrentHashMap.newKeySet()).add(subscriber);
    channel.closeFuture().addListener(f -> {
      Set<Subscriber> set = streams.get(conversation.id());
      if (set != null) {
        set.remove(subscriber);
        streams.computeIfPresent(conversation.id(), (k, v) -> v.isEmpty() ? null : v);
      }
    });
    if (afterSeq != null) {
      accept(conversation.id());
    }
  }

  /** Number of streams open on this node, for metrics. */
  public int openStreams() {
    return streams.values().stream().mapToInt(Set::size).sum();
  }

  @Override
  public void accept(String conversationId) {
    if (!streams.containsKey(conversationId)) {
      return;
    }
    try {
      workers.execute(() -> push(conversationId));
    } catch (RejectedExecutionException e) {
      // shutting down
    }
  }

  private void push(String conversationId) {
    Set<Subscriber> subscribers = streams.get(conversationId);
    if (subscribers == null || subscribers.isEmpty()) {
      return;
    }
    int from = subscribers.stream().mapToInt(s -> s.lastSeq).min().orElse(0);
    record Update(List<Message> messages, String state, String agentName) {}
    Update update = db.inTransaction(sql -> {
      Conversation c = conversations.find(sql, conversationId).orElseThrow();
      return new Update(conversations.messages(sql, conversationId, from), c.state(), agentName(sql, c));
    });
    for (Subscriber s : subscribers) {
      synchronized (s) {
        for (Message m : update.messages()) {
          if (m.seq() > s.lastSeq) {
            send(s.channel, Map.of("type", "message", "message", m.view()));
            s.lastSeq = m.seq();
          }
        }
        if (!update.state().equals(s.lastState)) {
          Map<String, Object> event = new LinkedHashMap<>();
          event.put("type", "state");
          event.put("state", update.state());
          event.put("agentName", update.agentName());
          send(s.channel, event);
          s.lastState = update.state();
        }
      }
    }
  }

  private static String agentName(Sql sql, Conversation c) throws SQLException {
    if (c.ticketId() == null || !c.state().equals(Conversation.AGENT)) {
      return null;
    }
    return sql.one("SELECT a.display_name FROM tickets t JOIN agents a ON a.id = t.owner_id WHERE t.id = ?",
        rs -> rs.getString(1), c.ticketId()).orElse(null);
  }

  private static void send(Channel channel, Object event) {
    if (channel.isActive()) {
      channel.writeAndFlush(new TextWebSocketFrame(new String(Json.bytes(event), java.nio.charset.StandardCharsets.UTF_8)));
    }
  }
}
