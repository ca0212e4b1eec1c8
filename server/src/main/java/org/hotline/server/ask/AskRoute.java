package org.hotline.server.ask;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.hotline.server.http.ApiException;
import org.hotline.server.http.ApiRequest;
import org.hotline.server.http.ApiResponse;
import org.hotline.server.http.Route;

/** {@code POST /api/v1/ask {"question": "..."}}: one question, one answer. Runs on the event loop. */
public final class AskRoute implements Route {
  /** Longest question accepted, in characters. */
  public static final int MAX_QUESTION_CHARS = 500;

  private final AnswerService answers;

  public AskRoute(AnswerService answers) {
    this.answers = requireNonNull(answers, "answers");
  }

  @Override
  public ApiResponse handle(ApiRequest request) {
    String question = question(request.jsonBody().get("question"));
    return ApiResponse.jsonBytes(HttpResponseStatus.OK, answers.ask(question).json());
  }

  /** Validates the question field: present, a string, not blank, at most 500 characters. */
  public static String question(JsonNode node) {
    if (node == null || node.isNull()) {
      throw ApiException.badRequest("missing_question", "field 'question' is required");
    }
    if (!node.isTextual()) {
      throw ApiException.badRequest("invalid_question", "field 'question' must be a string");
    }
    String question = node.textValue();
    if (question.isBlank()) {
      throw ApiException.badRequest("empty_question", "field 'question' is empty");
    }
    if (question.codePointCount(0, question.length()) > MAX_QUESTION_CHARS) {
      throw ApiException.badRequest("question_too_long",
          "field 'question' exceeds " + MAX_QUESTION_CHARS + " characters");
    }
    return question;
  }
}
