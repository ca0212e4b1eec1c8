package org.hotline.kb.ranking;

import java.util.Arrays;

/**
 * Per-entry scores of one search, grouped from question and answer hits: an entry's score is its
 * best question's score plus its answer's. Reused per thread (three arrays over all entries would
 * otherwise be allocated per question), and cleared by the entries it touched, not by a pass over
 * all of them. Not thread-safe: one per thread (see {@link #forThread}).
 */
final class EntryScores {
  private static final ThreadLocal<EntryScores> PER_THREAD = new ThreadLocal<>();

  private final float[] score;
  private final float[] questionScore;
  private final float[] answerScore;
  /** Entries in the order they were first touched. */
  private final int[] touched;
  private int count;

  private EntryScores(int entryCount) {
    score = new float[entryCount];
    questionScore = new float[entryCount];
    answerScore = new float[entryCount];
    touched = new int[entryCount];
  }

  /** This thread's scores for {@code entryCount} entries, all zero. */
  static EntryScores forThread(int entryCount) {
    EntryScores scores = PER_THREAD.get();
    if (scores == null || scores.score.length != entryCount) {
      scores = new EntryScores(entryCount);
      PER_THREAD.set(scores);
    } else {
      scores.clear();
    }
    return scores;
  }

  private void clear() {
    for (int i = 0; i < count; i++) {
      int ordinal = touched[i];
      score[ordinal] = 0;
      questionScore[ordinal] = 0;
      answerScore[ordinal] = 0;
    }
    count = 0;
  }

  /** A question hit; hits arrive best first, so an entry keeps its first (its best question's). */
  void addQuestion(int ordinal, float hitScore) {
    if (score[ordinal] == 0) {
      touched[count++] = ordinal;
      score[ordinal] = hitScore;
      questionScore[ordinal] = hitScore;
    }
  }

  /** An answer hit (one answer per entry): added to the entry's score. */
  void addAnswer(int ordinal, float hitScore) {
    if (score[ordinal] == 0) {
      touched[count++] = ordinal;
    }
    score[ordinal] += hitScore;
    answerScore[ordinal] = hitScore;
  }

  int count() {
    return count;
  }

  float score(int ordinal) {
    return score[ordinal];
  }

  float questionScore(int ordinal) {
    return questionScore[ordinal];
  }

  float answerScore(int ordinal) {
    return answerScore[ordinal];
  }

  /** The touched entries, highest score first; equal scores in the order first touched. */
  int[] byScore() {
    int[] sorted = Arrays.copyOf(touched, count);
    // Insertion sort: stable, and a search touches a few dozen entries at most.
    for (int i = 1; i < sorted.length; i++) {
      int ordinal = sorted[i];
      float s = score[ordinal];
      int j = i - 1;
      while (j >= 0 && score[sorted[j]] < s) {
        sorted[j + 1] = sorted[j];
        j--;
      }
      sorted[j + 1] = ordinal;
    }
    return sorted;
  }
}
