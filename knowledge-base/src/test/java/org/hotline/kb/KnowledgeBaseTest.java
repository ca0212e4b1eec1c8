package org.hotline.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hotline.kb.content.ContentLoader;
import org.hotline.kb.content.ContentSource;
import org.hotline.kb.ranking.ConfidenceModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KnowledgeBaseTest {
  private static KnowledgeBase kb;

  @BeforeAll
  static void build() {
    kb = KnowledgeBase.build(new ContentLoader().load(ContentSource.bundled()), ConfidenceModel.bundled());
  }

  @Test
  void answersTheLostCardQuestion() {
    Answer answer = kb.answer("信用卡丢了怎么办");
    Answer.Answered answered = assertInstanceOf(Answer.Answered.class, answer);
    assertEquals("credit-card.lost", answered.entry().id());
    assertTrue(answered.confidence() >= kb.model().answerThreshold());
    assertFalse(answered.fraudWarning());
    assertTrue(answered.suggestions().size() <= 3);
    assertTrue(answered.suggestions().stream().noneMatch(s -> s.faqId().equals("credit-card.lost")));
  }

  @Test
  void everyCanonicalQuestionIsAnsweredWithItsOwnEntry() {
    for (var entry : kb.content().entries()) {
      Answer answer = kb.answer(entry.question());
      assertTrue(answer instanceof Answer.Answered a && a.entry().id().equals(entry.id()),
          entry.question() + " -> " + answer);
    }
  }

  @Test
  void nearlyEveryAlternateIsAnsweredWithItsOwnEntry() {
    int total = 0;
    int right = 0;
    for (var entry : kb.content().entries()) {
      for (String alternate : entry.alternates()) {
        total++;
        if (kb.answer(alternate) instanceof Answer.Answered a && a.entry().id().equals(entry.id())) {
          right++;
        }
      }
    }
    assertTrue(right >= 0.97 * total, right + " of " + total);
  }

  @Test
  void answersTraditionalCharactersLikeSimplified() {
    assertEquals("credit-card.lost", answeredId("信用卡遺失了該怎麼辦"));
  }

  @Test
  void survivesFillersAndHomophonesFromSpeechRecognition() {
    assertEquals("credit-card.lost", answeredId("喂你好那个嗯就是我的信用卡丢了怎么办啊"));
    assertEquals(kb.normalize("怎么查征信"), kb.normalize("嗯那个怎么查征信啊"));
    // 争信 sounds like 征信: the pinyin field brings them together.
    assertEquals(
        kb.rank(kb.normalize("个人征信报告在哪里查")).get(0).entry().id(),
        kb.rank(kb.normalize("个人争信报告在哪里查")).get(0).entry().id());
  }

  @ParameterizedTest
  @ValueSource(strings = {"今天天气怎么样", "红烧肉怎么做好吃", "asdfghjkl", "给我讲个笑话吧", "哈哈哈哈"})
  void refusesOutOfDomainQuestions(String question) {
    Answer answer = kb.answer(question);
    assertFalse(answer instanceof Answer.Answered, question + " answered " + answer);
    assertTrue(answer.confidence() < kb.model().answerThreshold());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "对方让我把钱转到安全账户",
      "有个人说我卡冻结了让我把验证码报给他",
      "网上兼职刷单日结佣金",
      "有个项目高息承诺每月返利百分之十",
      "客服让我下载软件开屏幕共享"})
  void fraudScenariosAlwaysGetAFraudWarning(String question) {
    Answer.Answered answered = assertInstanceOf(Answer.Answered.class, kb.answer(question), question);
    assertEquals("fraud", answered.entry().category(), question);
    assertTrue(answered.fraudWarning(), question);
  }

  @Test
  void fraudPhrasesAreCaughtBySoundToo() {
    Answer.Answered answered = assertInstanceOf(Answer.Answered.class, kb.answer("他让我转到安全帐护里"));
    assertTrue(answered.fraudWarning());
  }

  @Test
  void confidenceIsAProbability() {
    for (String q : new String[] {"信用卡丢了怎么办", "今天天气", "怎么", "假币怎么辨别"}) {
      double c = kb.answer(q).confidence();
      assertTrue(c >= 0 && c <= 1, q + " -> " + c);
    }
  }

  @Test
  void aKeywordTheContentUsesGetsTheEntriesThatUseItAsSuggestions() {
    Answer.DidYouMean didYouMean = assertInstanceOf(Answer.DidYouMean.class, kb.answer("挂失"));
    assertFalse(didYouMean.suggestions().isEmpty());
    assertTrue(didYouMean.suggestions().size() <= 3);
    for (Answer.Suggestion s : didYouMean.suggestions()) {
      assertTrue(kb.content().entry(s.faqId()).orElseThrow().allQuestions().stream()
          .anyMatch(q -> q.contains("挂失")), s.faqId() + " does not speak of 挂失");
    }
    java.util.List<String> counterfeit = suggestedIds("假币");
    assertFalse(counterfeit.isEmpty());
    assertTrue(counterfeit.stream().allMatch(id -> id.startsWith("currency.")), counterfeit.toString());
  }

  @Test
  void aKeywordMisheardBySpeechRecognitionFindsItsEntryBySound() {
    // 争信 for 征信: three syllables in a row are specific enough to match by sound alone.
    assertTrue(suggestedIds("争信异议").contains("credit-report.objection"), suggestedIds("争信异议").toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"天气", "呵呵"})
  void chitChatAsShortAsAKeywordGetsNoSuggestions(String question) {
    // Both sound like words of the content (天气 like the 天期 of 二十天期限): sounds alone do not
    // make a keyword.
    Answer answer = kb.answer(question);
    assertInstanceOf(Answer.NotFound.class, answer, question + " -> " + answer);
  }

  private static java.util.List<String> suggestedIds(String question) {
    return kb.answer(question).suggestions().stream().map(Answer.Suggestion::faqId).toList();
  }

  @Test
  void emptyAfterNormalisationIsNotAnswered() {
    assertInstanceOf(Answer.NotFound.class, kb.answer("嗯嗯，喂？"));
  }

  private static String answeredId(String question) {
    return assertInstanceOf(Answer.Answered.class, kb.answer(question), question).entry().id();
  }
}
