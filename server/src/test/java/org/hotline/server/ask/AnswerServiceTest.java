package org.hotline.server.ask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import org.hotline.kb.Answer;
import org.hotline.kb.ReloadableKnowledgeBase;
import org.hotline.kb.content.ContentSource;
import org.hotline.kb.ranking.ConfidenceModel;
import org.hotline.server.kb.KnowledgeBaseService;
import org.hotline.server.kb.UnansweredQuestions;
import org.hotline.server.privacy.PersonalDataMasker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnswerServiceTest {
  private static final KnowledgeBaseService KNOWLEDGE_BASE = new KnowledgeBaseService();

  @TempDir Path dataDir;

  @BeforeAll
  static void load() {
    KNOWLEDGE_BASE.loaded(new ReloadableKnowledgeBase(ContentSource.bundled(), ConfidenceModel.bundled()));
  }

  @Test
  void aRepeatedQuestionIsAnsweredFromTheCacheWhichNeverOutgrowsItsBound() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (UnansweredQuestions unanswered = new UnansweredQuestions(dataDir, new PersonalDataMasker(), Clock.systemUTC())) {
      AnswerService answers = new AnswerService(KNOWLEDGE_BASE, unanswered, registry, 2);
      AnswerService.Result first = answers.ask("信用卡丢了怎么办");
      assertTrue(first.answer() instanceof Answer.Answered a && a.entry().id().startsWith("credit-card"),
          first.answer().toString());
      // Asked once: not cached. The same question with a filler normalises alike: a repeat, cached.
      assertEquals(0.0, cacheSize(registry));
      AnswerService.Result second = answers.ask("喂，信用卡丢了怎么办");
      assertEquals(first.answer(), second.answer());
      assertEquals(1.0, cacheSize(registry));
      assertSame(second, answers.ask("信用卡丢了怎么办"));
      assertEquals(1.0, registry.get("cache.gets").tag("cache", "answers").tag("result", "hit").functionCounter().count());

      for (String q : new String[] {"怎么查征信报告", "收到假币怎么办", "信用卡逾期了会怎样", "密码忘了怎么办"}) {
        answers.ask(q);
        answers.ask(q);
        // Evicted on the asking thread: the bound holds as soon as the answer is returned.
        assertTrue(cacheSize(registry) <= 2, q);
      }
      assertTrue(registry.get("cache.evictions").tag("cache", "answers").functionCounter().count() >= 3);
    }
  }

  private static double cacheSize(SimpleMeterRegistry registry) {
    return registry.get("cache.size").tag("cache", "answers").gauge().value();
  }
}
