package org.hotline.kb.ranking;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
  private static final int HITS = 60;
  /** Entries kept after grouping and scored by the model. */
  private static final int ENTRIES = 8;
  /** Cap on terms per field, so a 500-character question stays a small query. */
  private static final int MAX_TERMS = 64;

  private static final float WORD_BOOST = 1.0f;
  private static final float BIGRAM_BOOST = 1.0f;
  private static final float PINYIN_BOOST = 0.8f;

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
    if (top.scoreDocs.length == 0) {
      return List.of();
    }
    float best = top.scoreDocs[0].score;
    Map<String, Candidate> byEntry = new HashMap<>();
    List<String> order = new ArrayList<>();
    for (ScoreDoc hit : top.scoreDocs) {
      FaqEntry entry = index.entryOf(hit.doc);
      Candidate current = byEntry.get(entry.id());
      if (current == null && order.size() == ENTRIES) {
        continue;
      }
      Features features = features(query, hit.doc, hit.score / best);
      double confidence = model.confidence(features);
      if (current == null) {
        order.add(entry.id());
      }
      if (current == null || confidence > current.confidence()) {
        byEntry.put(entry.id(), new Candidate(entry, confidence, features));
      }
    }
    List<Candidate> candidates = new ArrayList<>(byEntry.values());
    candidates.sort(Comparator.comparingDouble(Candidate::confidence).reversed());
    return candidates;
  }

  private Features features(TextAnalysis.Terms query, int doc, double relativeScore) {
    TextAnalysis.Terms text = index.termsOf(doc);
    return new Features(
        coverage(TextAnalysis.PINYIN, query.pinyin(), text.pinyin()),
        coverage(TextAnalysis.BIGRAMS, query.bigrams(), text.bigrams()),
        coverage(TextAnalysis.WORDS, query.words(), text.words()),
        precision(query.pinyin(), text.pinyin()),
        relativeScore);
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
