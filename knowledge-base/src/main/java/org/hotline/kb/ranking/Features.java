package org.hotline.kb.ranking;

/**
 * How well one indexed question matches a query, each in [0,1]: the share of the query's pinyin
 * bigrams, character bigrams and words (weighted by rarity) that the question contains; the share
 * of the question's pinyin bigrams (weighted by rarity) the query contains; and the entry's BM25 score against its
 * strongest rival's, halved into [0,1] (above 0.5 for a clear leader); and the share of the query's pinyin bigrams found anywhere in the entry (all
 * its questions and its answer); and the evidence, the summed rarity of the matched pinyin bigrams
 * (saturating at 1), which keeps short chance matches (现在几点了) from looking certain; the
 * agreement, the mean query coverage of the entry's three best-covering questions (a paraphrase
 * meets several of an entry's wordings, a chance match one); the entry's answer score and best
 * question score against the best of each; and the share of the query's character bigrams found
 * anywhere in the entry; and how much of the query (its pinyin bigrams, weighted by rarity) the
 * content knows at all, the same for every candidate of a query: an acceptance input, as questions
 * from outside the hotline's topics carry words no entry uses; and the entry's probability under
 * the {@link EntryClassifier}, which weighs each query term by how typical it is of all the entry's
 * wordings together. Immutable.
 */
public record Features(
    double pinyinCoverage,
    double bigramCoverage,
    double wordCoverage,
    double pinyinPrecision,
    double relativeScore,
    double vocabularyCoverage,
    double evidence,
    double charCoverage,
    double charVocabularyCoverage,
    double wordVocabularyCoverage,
    double agreement,
    double answerRelative,
    double bigramVocabularyCoverage,
    double questionRelative,
    double queryKnown,
    double classifierPosterior) {

  public static final int SIZE = 16;
  /** Positions in {@link #vector()} of the per-question coverages that cost a pass over the question. */
  public static final int BIGRAM_COVERAGE = 1;
  public static final int WORD_COVERAGE = 2;
  public static final int CHAR_COVERAGE = 7;

  /**
   * The weighted sum of the inputs in {@link #vector()} order, without building the vector: the
   * match model scores every question of every candidate entry with it.
   */
  public double dot(double[] w) {
    return w[0] * pinyinCoverage + w[1] * bigramCoverage + w[2] * wordCoverage
        + w[3] * pinyinPrecision + w[4] * relativeScore + w[5] * vocabularyCoverage
        + w[6] * evidence + w[7] * charCoverage + w[8] * charVocabularyCoverage
        + w[9] * wordVocabularyCoverage + w[10] * agreement + w[11] * answerRelative
        + w[12] * bigramVocabularyCoverage + w[13] * questionRelative + w[14] * queryKnown
        + w[15] * classifierPosterior;
  }

  public double[] vector() {
    return new double[] {
      pinyinCoverage, bigramCoverage, wordCoverage, pinyinPrecision, relativeScore, vocabularyCoverage,
      evidence, charCoverage, charVocabularyCoverage, wordVocabularyCoverage,
      agreement, answerRelative, bigramVocabularyCoverage, questionRelative, queryKnown,
      classifierPosterior
    };
  }
}
