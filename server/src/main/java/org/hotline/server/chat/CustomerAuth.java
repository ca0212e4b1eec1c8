package org.hotline.server.chat;

import static java.util.Objects.requireNonNull;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Optional;
import org.hotline.server.auth.Tokens;
import org.hotline.server.conversation.Conversation;
import org.hotline.server.conversation.ConversationStore;
import org.hotline.server.http.ApiException;
import org.hotline.server.store.Database;

/**
 * Checks a customer's conversation token: 401 when missing or unknown, 403 when it opens another
 * conversation, 404 when the conversation does not exist. Thread-safe; blocking.
 */
public final class CustomerAuth {
  private final Database db;
  private final ConversationStore conversations;

  public CustomerAuth(Database db, ConversationStore conversations) {
    this.db = requireNonNull(db, "db");
    this.conversations = requireNonNull(conversations, "conversations");
  }

  public Conversation authorize(String conversationId, String token) {
    if (token == null || token.isBlank()) {
      throw new ApiException(HttpResponseStatus.UNAUTHORIZED, "missing_token",
          "send the conversation's token as 'Authorization: Bearer <token>'");
    }
    String hash = Tokens.hash(token);
    return db.inTransaction(sql -> {
      Optional<Conversation> c = conversations.find(sql, conversationId);
      if (c.isPresent() && Tokens.sameHash(c.get().tokenHash(), hash)) {
        return c.get();
      }
      boolean known = sql.count("SELECT count(*) FROM conversations WHERE token_hash = ?", hash) > 0;
      if (!known) {
        throw new ApiException(HttpResponseStatus.UNAUTHORIZED, "invalid_token", "unknown conversation token");
      }
      if (c.isEmpty()) {
        throw new ApiException(HttpResponseStatus.NOT_FOUND, "conversation_not_found", "no conversation " + conversationId);
      }
      throw new ApiException(HttpResponseStatus.FORBIDDEN, "forbidden", "this token belongs to another conversation");
    });
  }
}
