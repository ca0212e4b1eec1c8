package org.hotline.server.ask;

import java.util.List;
import org.hotline.kb.Answer;
import org.hotline.kb.content.FaqEntry;

/**
 * The body of {@code POST /api/v1/ask}. {@code answer}, {@code voiceAnswer}, {@code faqId} and
 * {@code category} are null when {@code answered} is false.
 */
public record AskResponse(
    boolean answered,
    String answer,
    String voiceAnswer,
    String faqId,
    String category,
    String source,
    double confidence,
    boolean fraudWarning,
    List<SuggestionView> suggestions) {

  /** A suggested entry, offered by its question. */
  public record SuggestionView(String faqId, String question) {}

  /** A confidence as sent: three decimals. */
  static double rounded(double confidence) {
    return Math.round(confidence * 1000) / 1000.0;
  }

  public static AskResponse of(Answer answer) {
    List<SuggestionView> suggestions = answer.suggestions().stream()
        .map(s -> new SuggestionView(s.faqId(), s.question()))
        .toList();
    double confidence = rounded(answer.confidence());
    if (answer instanceof Answer.Answered a) {
      FaqEntry e = a.entry();
      return new AskResponse(true, e.answer(), e.voiceAnswer(), e.id(), e.category(), e.source(),
          confidence, a.fraudWarning(), suggestions);
    }
    return new AskResponse(false, null, null, null, null, null, confidence, false, suggestions);
  }
}
