package org.hotline.server.conversation;

import java.util.function.Consumer;

/**
 * Tells every node that a conversation has something new (a message or a state change), so live
 * streams can push it. In one process the news stays local; with PostgreSQL it travels by
 * LISTEN/NOTIFY to all nodes. Implementations are thread-safe.
 */
public interface ConversationEvents extends AutoCloseable {
  /** Announces a change after it has been committed. */
  void changed(String conversationId);

  /** Registers a listener, called on a background thread with each changed conversation id. */
  void subscribe(Consumer<String> listener);

  @Override
  default void close() {}
}
