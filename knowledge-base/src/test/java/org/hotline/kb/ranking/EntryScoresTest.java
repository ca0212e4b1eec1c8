package org.hotline.kb.ranking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EntryScoresTest {
  @Test
  void anEntryKeepsItsBestQuestionAndAddsItsAnswer() {
    EntryScores scores = EntryScores.forThread(10);
    scores.addQuestion(3, 5f);
    scores.addQuestion(3, 4f); // a weaker question of the same entry
    scores.addAnswer(3, 1.5f);
    scores.addAnswer(7, 2f); // an entry only its answer found
    assertEquals(6.5f, scores.score(3));
    assertEquals(5f, scores.questionScore(3));
    assertEquals(1.5f, scores.answerScore(3));
    assertEquals(0f, scores.questionScore(7));
    assertArrayEquals(new int[] {3, 7}, scores.byScore());
  }

  @Test
  void ordersByScoreWithTiesInTheOrderFirstTouched() {
    EntryScores scores = EntryScores.forThread(10);
    scores.addQuestion(5, 1f);
    scores.addQuestion(2, 3f);
    scores.addQuestion(9, 1f);
    scores.addQuestion(0, 3f);
    scores.addAnswer(4, 2f);
    assertArrayEquals(new int[] {2, 0, 4, 5, 9}, scores.byScore());
  }

  @Test
  void theNextSearchOnTheThreadStartsFromZero() {
    EntryScores first = EntryScores.forThread(10);
    first.addQuestion(1, 2f);
    first.addAnswer(1, 1f);
    EntryScores second = EntryScores.forThread(10);
    assertEquals(0, second.count());
    assertEquals(0f, second.score(1));
    assertEquals(0f, second.answerScore(1));
    second.addAnswer(1, 0.5f);
    assertEquals(0.5f, second.score(1));
    assertArrayEquals(new int[] {1}, second.byScore());
  }
}
