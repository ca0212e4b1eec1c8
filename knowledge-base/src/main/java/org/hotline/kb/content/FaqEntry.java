package org.hotline.kb.content;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Stream;

/**
 * One FAQ entry: a canonical question, the other ways people ask it, and the answers for the web
 * and for the phone. Immutable.
 *
 * @param source the rule or law the answer rests on, or null where there is none
 */
public record FaqEntry(
    String id,
    String category,
    String question,
    List<String> alternates,
    String answer,
    String voiceAnswer,
    String source) {

  public FaqEntry {
    requireNonNull(id, "id");
    requireNonNull(category, "category");
    requireNonNull(question, "question");
    alternates = List.copyOf(alternates);
    requireNonNull(answer, "answer");
    requireNonNull(voiceAnswer, "voiceAnswer");
  }

  /** The canonical question followed by the alternates: every text that is indexed for it. */
  public List<String> allQuestions() {
    return Stream.concat(Stream.of(question), alternates.stream()).toList();
  }
}
