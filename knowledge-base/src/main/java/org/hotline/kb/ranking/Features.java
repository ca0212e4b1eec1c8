package org.hotline.kb.ranking;

/**
 * How well one indexed question matches a query, each in [0,1]: the share of the query's pinyin
 * bigrams, character bigrams and words (weighted by rarity) that the question contains; the share
 * of the question's pinyin bigrams the query contains; and the question's BM25 score relative to
 * the best hit's. Immutable.
 */
public record Features(
    double pinyinCoverage,
    double bigramCoverage,
    double wordCoverage,
    double pinyinPrecision,
    double relativeScore) {

  public static final int SIZE = 5;

  public double[] vector() {
    return new double[] {pinyinCoverage, bigramCoverage, wordCoverage, pinyinPrecision, relativeScore};
  }
}
