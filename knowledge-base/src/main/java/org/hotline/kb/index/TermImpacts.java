package org.hotline.kb.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;

/**
 * The BM25 score each document gets from each term of one field, read once from the Lucene index
 * with Lucene's own scorer (so the numbers are the ones a TermQuery would give), and kept as flat
 * arrays. A query then sums postings instead of building a Lucene scorer per term on every search,
 * which dominated the cost of a question. The index stays small (a few thousand documents), so this
 * fits easily in memory. Immutable; thread-safe.
 */
public final class TermImpacts {
  /**
   * One term's documents in increasing order and the score each gets from it, its highest score,
   * and, for a common term, the same scores as a dense vector over all documents (0 where absent),
   * which lets {@link ImpactSearch} score it for some documents without reading its postings.
   */
  public record Postings(int[] docs, float[] scores, float max, float[] dense) {
    /**
     * Share of the documents from which a term counts as common: 11 pinyin bigrams of the 8,582
     * questions, which held 53% of the postings the development set's questions read; without
     * them, the best 30 hits were proven found in 97% of those questions (see {@link
     * ImpactSearch}).
     */
    static final int COMMON_SHARE = 20;

    /** A term's postings; rare (no dense vector). */
    public Postings(int[] docs, float[] scores) {
      this(docs, scores, max(scores), null);
    }

    /** A term's postings in an index of {@code maxDoc} documents, dense when it is common there. */
    static Postings of(int[] docs, float[] scores, int maxDoc) {
      if (docs.length < Math.max(2, maxDoc / COMMON_SHARE)) {
        return new Postings(docs, scores);
      }
      float[] dense = new float[maxDoc];
      for (int i = 0; i < docs.length; i++) {
        dense[docs[i]] = scores[i];
      }
      return new Postings(docs, scores, max(scores), dense);
    }

    /** Whether the term is common: it has a dense vector. */
    public boolean common() {
      return dense != null;
    }

    private static float max(float[] scores) {
      float max = 0;
      for (float score : scores) {
        max = Math.max(max, score);
      }
      return max;
    }
  }

  private final Map<String, Postings> byTerm;

  private TermImpacts(Map<String, Postings> byTerm) {
    this.byTerm = byTerm;
  }

  /** Reads every term of {@code field} from a single-segment index. */
  static TermImpacts read(IndexSearcher searcher, String field) throws IOException {
    Map<String, Postings> byTerm = new HashMap<>();
    LeafReaderContext leaf = searcher.getIndexReader().leaves().get(0);
    Terms terms = leaf.reader().terms(field);
    if (terms != null) {
      TermsEnum it = terms.iterator();
      BytesRef bytes;
      int[] docs = new int[searcher.getIndexReader().maxDoc()];
      float[] scores = new float[docs.length];
      while ((bytes = it.next()) != null) {
        Term term = new Term(field, BytesRef.deepCopyOf(bytes));
        TermQuery query = new TermQuery(term, TermStates.build(searcher, term, true));
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1f);
        Scorer scorer = weight.scorer(leaf);
        int n = 0;
        if (scorer != null) {
          DocIdSetIterator iterator = scorer.iterator();
          for (int doc = iterator.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = iterator.nextDoc()) {
            docs[n] = doc;
            scores[n] = scorer.score();
            n++;
          }
        }
        byTerm.put(term.text(), Postings.of(
            java.util.Arrays.copyOf(docs, n), java.util.Arrays.copyOf(scores, n), docs.length));
      }
    }
    return new TermImpacts(byTerm);
  }

  /** Calls {@code action} with every term and its postings. */
  void forEach(java.util.function.BiConsumer<String, Postings> action) {
    byTerm.forEach(action);
  }

  /** The term's postings, or null when no document has it. */
  public Postings postings(String term) {
    return byTerm.get(term);
  }

  static TermImpacts unchecked(IndexSearcher searcher, String field) {
    try {
      return read(searcher, field);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in-memory index
    }
  }
}
