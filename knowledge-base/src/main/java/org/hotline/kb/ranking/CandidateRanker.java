package org.hotline.kb.ranking;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.hotline.kb.analysis.TextAnalysis;
import org.hotline.kb.content.FaqEntry;
import org.hotline.kb.index.FaqIndex;

/**
 * Finds the entries that best match a normalised question: a BM25 search over the word, bigram and
 * pinyin fields, hits grouped by entry, then each entry re-scored by the {@link ConfidenceModel}
 * from how much of the query its best question covers. Immutable; thread-safe.
 */
public final class CandidateRanker {
  /** Hits read from Lucene before grouping; ample for ~7 questions per entry. */
  private static final int HITS = 80;
  /** Entries kept after grouping and scored by the model. */
  private static final int ENTRIES = 8;
  /** Cap on terms per field, so a 500-character question stays a small query. */
  private static final int MAX_TERMS = 64;

  private static final float WORD_BOOST = 1.0f;
  private static final float BIGRAM_BOOST = 0.7f;
  private static final float PINYIN_BOOST = 1.5f;
  private static final float ANSWER_BOOST = 0.3f;
  /** Matched rarity at which the evidence feature saturates: about four rare bigrams. */
  private static final double EVIDENCE_SCALE = 30;

  private final FaqIndex index;
  private final TextAnalysis analysis;
  private final ConfidenceModel model;

  public CandidateRanker(FaqIndex index, TextAnalysis analysis, ConfidenceModel model) {
    this.index = requireNonNull(index, "index");
    this.analysis = requireNonNull(analysis, "analysis");
    this.model = requireNonNull(model, "model");
  }

  public ConfidenceModel model() {
    return model;
  }

  /** Candidates for a normalised question, most confident first; empty when nothing matches. */
  public List<Candidate> rank(String normalized) {
    TextAnalysis.Terms query = analysis.analyze(normalized);
    BooleanQuery.Builder builder = new BooleanQuery.Builder();
    addTerms(builder, TextAnalysis.WORDS, query.words(), WORD_BOOST);
    addTerms(builder, TextAnalysis.BIGRAMS, query.bigrams(), BIGRAM_BOOST);
    addTerms(builder, TextAnalysis.PINYIN, query.pinyin(), PINYIN_BOOST);
    addTerms(builder, FaqIndex.ANSWER, query.bigrams(), ANSWER_BOOST);
    BooleanQuery luceneQuery = builder.build();
    if (luceneQuery.clauses().isEmpty()) {
      return List.of();
    }
    TopDocs top;
    try {
      top = index.searcher().search(luceneQuery, HITS);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in-memory index
    }
    // Entry score: its best question's score plus its answer's score.
    Map<String, float[]> scores = new LinkedHashMap<>(); // entry id -> {best question, answer}
    Map<String, FaqEntry> entries = new HashMap<>();
    for (ScoreDoc hit : top.scoreDocs) {
      FaqEntry entry = index.entryOf(hit.doc);
      float[] s = scores.computeIfAbsent(entry.id(), k -> new float[2]);
      entries.put(entry.id(), entry);
      if (index.isAnswer(hit.doc)) {
        s[1] = Math.max(s[1], hit.score);
      } else {
        s[0] = Math.max(s[0], hit.score);
      }
    }
    List<String> ids = new ArrayList<>(scores.keySet());
    ids.sort(Comparator.comparingDouble((String id) -> -(scores.get(id)[0] + scores.get(id)[1])));
    if (ids.isEmpty()) {
      return List.of();
    }
    float best = scores.get(ids.get(0))[0] + scores.get(ids.get(0))[1];
    List<Candidate> candidates = new ArrayList<>(ENTRIES);
    for (String id : ids.subList(0, Math.min(ENTRIES, ids.size()))) {
      float[] s = scores.get(id);
      double relative = (s[0] + s[1]) / best;
      double vocabulary = coverage(TextAnalysis.PINYIN, query.pinyin(), index.vocabulary(id));
      Candidate bestOfEntry = null;
      for (int doc : index.questionDocs(id)) {
        Features features = features(query, doc, relative, vocabulary);
        double confidence = model.confidence(features);
        if (bestOfEntry == null || confidence > bestOfEntry.confidence()) {
          bestOfEntry = new Candidate(entries.get(id), confidence, features);
        }
      }
      candidates.add(bestOfEntry);
    }
    candidates.sort(Comparator.comparingDouble(Candidate::confidence).reversed());
    return candidates;
  }

  private Features features(TextAnalysis.Terms query, int doc, double relativeScore, double vocabulary) {
    TextAnalysis.Terms text = index.termsOf(doc);
    return new Features(
        coverage(TextAnalysis.PINYIN, query.pinyin(), text.pinyin()),
        coverage(TextAnalysis.BIGRAMS, query.bigrams(), text.bigrams()),
        coverage(TextAnalysis.WORDS, query.words(), text.words()),
        precision(query.pinyin(), text.pinyin()),
        relativeScore,
        vocabulary,
        Math.min(1, matchedWeight(query.pinyin(), text.pinyin()) / EVIDENCE_SCALE));
  }

  /** Rarity-weighted share of the query's terms that the document contains. */
  private double coverage(String field, Set<String> queryTerms, Set<String> docTerms) {
    double matched = 0;
    double total = 0;
    int n = 0;
    for (String term : queryTerms) {
      if (n++ == MAX_TERMS) {
        break;
      }
      double idf = index.idf(field, term);
      total += idf;
      if (docTerms.contains(term)) {
        matched += idf;
      }
    }
    return total == 0 ? 0 : matched / total;
  }

  /** Summed rarity of the query's pinyin bigrams that the document contains. */
  private double matchedWeight(Set<String> queryTerms, Set<String> docTerms) {
    double matched = 0;
    for (String term : queryTerms) {
      if (docTerms.contains(term)) {
        matched += index.idf(TextAnalysis.PINYIN, term);
      }
    }
    return matched;
  }

  /** Share of the document's terms that the query contains. */
  private static double precision(Set<String> queryTerms, Set<String> docTerms) {
    if (docTerms.isEmpty()) {
      return 0;
    }
    int matched = 0;
    for (String term : docTerms) {
      if (queryTerms.contains(term)) {
        matched++;
      }
    }
    return (double) matched / docTerms.size();
  }

  private void addTerms(BooleanQuery.Builder builder, String field, Set<String> terms, float boost) {
    int n = 0;
    for (String term : terms) {
      if (n++ == MAX_TERMS) {
        break;
      }
      if (!index.knows(field, term)) {
        continue; // matches nothing; its weight still counts in coverage
      }
      Query q = new TermQuery(new Term(field, term));
      builder.add(boost == 1f ? q : new BoostQuery(q, boost), BooleanClause.Occur.SHOULD);
    }
  }
}
