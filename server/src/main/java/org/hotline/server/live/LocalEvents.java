package org.hotline.server.live;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.hotline.server.conversation.ConversationEvents;

/** Conversation events for a single node: listeners hear of changes made in this process. Thread-safe. */
public final class LocalEvents implements ConversationEvents {
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

  @Override
  public void changed(String conversationId) {
    listeners.forEach(l -> l.accept(conversationId));
  }

  @Override
  public void subscribe(Consumer<String> listener) {
    listeners.add(listener);
  }
}
