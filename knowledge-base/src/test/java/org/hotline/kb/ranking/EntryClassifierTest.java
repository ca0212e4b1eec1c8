package org.hotline.kb.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hotline.kb.analysis.QuestionNormalizer;
import org.hotline.kb.analysis.SynonymCanonicalizer;
import org.hotline.kb.analysis.TextAnalysis;
import org.hotline.kb.content.ContentLoader;
import org.hotline.kb.content.ContentSource;
import org.hotline.kb.content.KnowledgeBaseContent;
import org.hotline.kb.index.FaqIndex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EntryClassifierTest {
  private static final String[] FIELDS = {TextAnalysis.PINYIN, TextAnalysis.WORDS};
  private static FaqIndex index;
  private static QuestionNormalizer normalizer;
  private static TextAnalysis analysis;
  private static EntryClassifier classifier;

  @BeforeAll
  static void build() {
    KnowledgeBaseContent content = new ContentLoader().load(ContentSource.bundled());
    normalizer = new QuestionNormalizer(new SynonymCanonicalizer(content.synonymGroups()));
    analysis = new TextAnalysis();
    index = new FaqIndex(content, normalizer, analysis);
    classifier = new EntryClassifier(index, FIELDS);
  }

  @Test
  void posteriorsAreNaiveBayesOverTheEntriesQuestions() {
    for (String question : List.of("信用卡被冻结了怎么办", "假币能不能拿去银行换", "今天天气怎么样")) {
      QueryTerms[] terms = queryTerms(question);
      EntryClassifier.Posteriors posteriors = classifier.posteriors(terms, -1, 2);
      assertPosteriorsEqual(reference(terms, -1), probabilities(posteriors), question);
      assertLeaders(posteriors, question);
    }
  }

  @Test
  void leaveOneOutTakesTheQuestionOutOfItsEntrysCounts() {
    int ordinal = ordinalOf("credit-card.card-frozen");
    int[] docs = index.questionsOf(ordinal);
    for (int question : new int[] {0, 1, docs.length - 1}) {
      String text = index.entry(ordinal).allQuestions().get(question);
      QueryTerms[] terms = queryTerms(text);
      double[] left = probabilities(classifier.posteriors(terms, docs[question], 2));
      assertPosteriorsEqual(reference(terms, docs[question]), left, text);
      // The question itself no longer vouches for its entry.
      assertTrue(left[ordinal] < probabilities(classifier.posteriors(queryTerms(text), -1, 2))[ordinal], text);
    }
  }

  @Test
  void theTopicWordOutweighsGenericPhrases() {
    // 本人…应如何处理 is shared by many entries' formal questions; 冻结 names the topic.
    EntryClassifier.Posteriors posteriors =
        classifier.posteriors(queryTerms("本人信用卡突遭银行冻结，未能刷卡，应如何处理？"), -1, 2);
    double[] p = probabilities(posteriors);
    int frozen = ordinalOf("credit-card.card-frozen");
    assertEquals(frozen, posteriors.leaders()[0]);
    for (int e = 0; e < p.length; e++) {
      assertTrue(e == frozen || p[e] < p[frozen], index.entry(e).id() + " " + p[e] + " vs " + p[frozen]);
    }
  }

  private static double[] probabilities(EntryClassifier.Posteriors posteriors) {
    double[] p = new double[index.entryCount()];
    for (int e = 0; e < p.length; e++) {
      p[e] = posteriors.probability(e);
    }
    return p;
  }

  /** The leaders are the most probable entries, best first. */
  private static void assertLeaders(EntryClassifier.Posteriors posteriors, String question) {
    double[] p = probabilities(posteriors);
    int[] leaders = posteriors.leaders();
    assertEquals(2, leaders.length);
    assertTrue(p[leaders[0]] >= p[leaders[1]], question);
    for (int e = 0; e < p.length; e++) {
      assertTrue(e == leaders[0] || e == leaders[1] || p[e] <= p[leaders[1]], question + ": " + e);
    }
  }

  private static QueryTerms[] queryTerms(String question) {
    String normalized = normalizer.normalize(question);
    return new QueryTerms[] {
      new QueryTerms(index.dictionary(TextAnalysis.PINYIN), index.queryTermIds().pinyin(normalized, QueryTerms.MAX_TERMS)),
      new QueryTerms(index.dictionary(TextAnalysis.WORDS), index.queryTermIds().words(normalized, QueryTerms.MAX_TERMS))
    };
  }

  /** Naive Bayes computed the plain way: counts per entry, one document optionally left out. */
  private static double[] reference(QueryTerms[] terms, int excludedDoc) {
    double[] score = new double[index.entryCount()];
    for (int f = 0; f < FIELDS.length; f++) {
      int vocabulary = index.dictionary(FIELDS[f]).size();
      for (int e = 0; e < score.length; e++) {
        int total = 0;
        int[] counts = new int[vocabulary];
        for (int doc : index.questionsOf(e)) {
          if (doc == excludedDoc) {
            continue;
          }
          for (int t : index.termsOfQuestion(FIELDS[f], doc)) {
            counts[t]++;
            total++;
          }
        }
        for (int i = 0; i < terms[f].size(); i++) {
          int id = terms[f].id(i);
          int n = id < 0 ? 0 : counts[id];
          score[e] += Math.log((n + EntryClassifier.ALPHA) / (total + EntryClassifier.ALPHA * vocabulary));
        }
      }
    }
    double max = java.util.Arrays.stream(score).max().orElseThrow();
    double sum = 0;
    for (int e = 0; e < score.length; e++) {
      score[e] = Math.exp(score[e] - max);
      sum += score[e];
    }
    for (int e = 0; e < score.length; e++) {
      score[e] /= sum;
    }
    return score;
  }

  private static void assertPosteriorsEqual(double[] expected, double[] actual, String question) {
    assertEquals(expected.length, actual.length);
    double sum = 0;
    for (int e = 0; e < expected.length; e++) {
      assertEquals(expected[e], actual[e], 1e-5, question + ": " + index.entry(e).id());
      sum += actual[e];
    }
    assertEquals(1, sum, 1e-9, question);
  }

  private static int ordinalOf(String id) {
    for (int e = 0; e < index.entryCount(); e++) {
      if (index.entry(e).id().equals(id)) {
        return e;
      }
    }
    throw new AssertionError("no entry " + id);
  }
}
