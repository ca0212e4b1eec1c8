package org.hotline.server.kb;

import static java.util.Objects.requireNonNull;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Map;
import org.hotline.kb.KnowledgeBase;
import org.hotline.kb.content.ContentException;
import org.hotline.server.http.ApiException;
import org.hotline.server.http.ApiRequest;
import org.hotline.server.http.ApiResponse;
import org.hotline.server.http.Route;

/** The content team's endpoints: reload the knowledge base, list unanswered questions. */
public final class KnowledgeBaseRoutes {
  private static final System.Logger LOG = System.getLogger(KnowledgeBaseRoutes.class.getName());
  private static final int DEFAULT_LIMIT = 50;
  private static final int MAX_LIMIT = 1000;

  private final KnowledgeBaseService knowledgeBase;
  private final UnansweredQuestions unanswered;

  public KnowledgeBaseRoutes(KnowledgeBaseService knowledgeBase, UnansweredQuestions unanswered) {
    this.knowledgeBase = requireNonNull(knowledgeBase, "knowledgeBase");
    this.unanswered = requireNonNull(unanswered, "unanswered");
  }

  /** {@code POST /api/v1/kb/reload}: 200 with the entry count, or 422 naming the content problem. */
  public Route reload() {
    return Route.blocking(request -> {
      try {
        KnowledgeBase kb = knowledgeBase.reload();
        LOG.log(System.Logger.Level.INFO, "knowledge base reloaded: " + kb.content().size() + " entries");
        return ApiResponse.json(Map.of("reloaded", true, "entries", kb.content().size()));
      } catch (ContentException e) {
        LOG.log(System.Logger.Level.WARNING, "reload refused, old knowledge base still serving: " + e.getMessage());
        throw new ApiException(HttpResponseStatus.UNPROCESSABLE_ENTITY, "invalid_content",
            e.getMessage() + " (the previous knowledge base is still serving)");
      }
    });
  }

  /** {@code GET /api/v1/kb/unanswered?limit=N}: the most frequent unanswered questions. */
  public Route unanswered() {
    return (ApiRequest request) -> {
      int limit = DEFAULT_LIMIT;
      String param = request.queryParam("limit");
      if (param != null) {
        try {
          limit = Integer.parseInt(param);
        } catch (NumberFormatException e) {
          limit = -1;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
          throw ApiException.badRequest("invalid_limit", "limit must be a number from 1 to " + MAX_LIMIT);
        }
      }
      return ApiResponse.json(Map.of("distinct", unanswered.distinct(), "items", unanswered.top(limit)));
    };
  }
}
