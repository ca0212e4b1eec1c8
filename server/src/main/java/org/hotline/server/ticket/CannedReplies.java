package org.hotline.server.ticket;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.hotline.server.http.Json;

/** Ready-made agent replies for common cases, from {@code canned-replies.json}. Immutable. */
public final class CannedReplies {
  /** One reply an agent can send or edit. */
  public record Reply(String id, String title, String text) {}

  private final List<Reply> replies;

  private CannedReplies(List<Reply> replies) {
    this.replies = List.copyOf(replies);
  }

  public static CannedReplies bundled() {
    try (InputStream in = CannedReplies.class.getResourceAsStream("/canned-replies.json")) {
      if (in == null) {
        throw new IllegalStateException("canned-replies.json is missing from the jar");
      }
      return new CannedReplies(Json.MAPPER.readValue(in, new TypeReference<List<Reply>>() {}));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<Reply> all() {
    return replies;
  }
}
