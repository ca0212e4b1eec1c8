package org.hotline.server.ask;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hotline.kb.Answer;
import org.hotline.kb.KnowledgeBase;
import org.hotline.kb.content.ContentLoader;
import org.hotline.kb.content.ContentSource;
import org.hotline.kb.content.FaqEntry;
import org.hotline.kb.ranking.ConfidenceModel;
import org.hotline.server.http.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AnswerJsonTest {
  private static KnowledgeBase kb;
  private static AnswerJson encoder;

  @BeforeAll
  static void build() {
    kb = KnowledgeBase.build(new ContentLoader().load(ContentSource.bundled()), ConfidenceModel.bundled());
    encoder = new AnswerJson(kb);
  }

  @Test
  void writesTheSameBytesAsJacksonForEveryKindOfAnswer() {
    List<String> questions = new ArrayList<>();
    for (FaqEntry e : kb.content().entries()) {
      questions.add(e.question());
    }
    // Suggestions only, nothing at all, a fraud warning, and quotes and backslashes to escape.
    questions.addAll(List.of("卡", "今天天气怎么样", "对方让我把钱转到安全账户", "信用卡\"丢了\"怎么办\\", "呵呵"));
    int answered = 0;
    int unanswered = 0;
    boolean fraud = false;
    for (String q : questions) {
      Answer answer = kb.answer(q);
      assertArrayEquals(Json.bytes(AskResponse.of(answer)), encoder.encode(answer), q);
      if (answer instanceof Answer.Answered a) {
        answered++;
        fraud |= a.fraudWarning();
      } else {
        unanswered++;
      }
    }
    assertTrue(answered >= kb.content().size() && unanswered >= 2 && fraud,
        answered + " answered, " + unanswered + " not, fraud warning seen: " + fraud);
  }

  @Test
  void aSuggestionOtherThanTheCanonicalQuestionIsWrittenAsItIs() {
    FaqEntry entry = kb.content().entries().get(0);
    Answer answer = new Answer.DidYouMean(0.4567,
        List.of(new Answer.Suggestion(entry.id(), "另一种\"问法\"", 0.4)));
    String json = new String(encoder.encode(answer), StandardCharsets.UTF_8);
    assertEquals(new String(Json.bytes(AskResponse.of(answer)), StandardCharsets.UTF_8), json);
    assertTrue(json.contains("\"confidence\":0.457"), json);
  }
}
