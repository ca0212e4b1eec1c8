package org.hotline.server.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.hotline.server.privacy.PersonalDataMasker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnansweredQuestionsTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T08:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dataDir;

  @Test
  void everyRecordedQuestionIsWrittenMaskedAndCountedAgainAfterARestart() throws Exception {
    try (UnansweredQuestions questions = new UnansweredQuestions(dataDir, new PersonalDataMasker(), CLOCK)) {
      // More than the writer can take one line at a time while they arrive: written in batches.
      for (int i = 0; i < 2_000; i++) {
        questions.record("今天天气怎么样 " + (i % 7), "今天天气怎么样" + (i % 7));
      }
      questions.record("我的手机号13812345678打不通", "我的手机号13812345678打不通");
      questions.flush();
      List<String> lines = Files.readAllLines(dataDir.resolve("unanswered.jsonl"), StandardCharsets.UTF_8);
      assertEquals(2_001, lines.size());
      assertFalse(String.join("\n", lines).contains("13812345678"), "phone numbers are masked on disk");
      assertEquals(8, questions.distinct());
    }
    try (UnansweredQuestions replayed = new UnansweredQuestions(dataDir, new PersonalDataMasker(), CLOCK)) {
      List<UnansweredQuestions.Item> top = replayed.top(3);
      assertEquals(286, top.get(0).count(), top.toString()); // 2,000 over 7 wordings: 286 of the first
      assertTrue(top.get(0).question().startsWith("今天天气怎么样"), top.toString());
      assertEquals(8, replayed.distinct());
    }
  }

  @Test
  void linesWrittenBeforeMaskingKnewAFormAreMaskedWhenReadBack() throws Exception {
    // Full-width digits, which masking once let through.
    Files.writeString(dataDir.resolve("unanswered.jsonl"), "{\"key\":\"电话１３８１２３４５６７８\","
        + "\"question\":\"电话１３８１２３４５６７８\",\"at\":\"2026-12-01T08:00:00Z\"}\n", StandardCharsets.UTF_8);
    try (UnansweredQuestions replayed = new UnansweredQuestions(dataDir, new PersonalDataMasker(), CLOCK)) {
      assertEquals(List.of("电话138****5678"), replayed.top(5).stream().map(UnansweredQuestions.Item::question).toList());
    }
  }

  @Test
  void closingWritesWhatIsPending() throws Exception {
    UnansweredQuestions questions = new UnansweredQuestions(dataDir, new PersonalDataMasker(), CLOCK);
    for (int i = 0; i < 500; i++) {
      questions.record("问题" + i, "问题" + i);
    }
    questions.close();
    assertEquals(500, Files.readAllLines(dataDir.resolve("unanswered.jsonl"), StandardCharsets.UTF_8).size());
  }

  @Test
  void recordedQuestionsReachTheFileWithinTheWriteIntervalWithoutAFlush() throws Exception {
    try (UnansweredQuestions questions = new UnansweredQuestions(dataDir, new PersonalDataMasker(), CLOCK)) {
      questions.record("今天天气怎么样", "今天天气怎么样");
      questions.record("明天会下雨吗", "明天会下雨吗");
      Path file = dataDir.resolve("unanswered.jsonl");
      long deadline = System.nanoTime() + 5_000_000_000L; // the writer appends every 0.1 s
      while (System.nanoTime() < deadline
          && (!Files.exists(file) || Files.readAllLines(file, StandardCharsets.UTF_8).size() < 2)) {
        Thread.sleep(20);
      }
      assertEquals(2, Files.readAllLines(file, StandardCharsets.UTF_8).size());
    }
  }
}
