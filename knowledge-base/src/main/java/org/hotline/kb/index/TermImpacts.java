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
  /** One term's documents in increasing order and the score each gets from it. */
  public record Postings(int[] docs, float[] scores) {}

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
        byTerm.put(term.text(), new Postings(java.util.Arrays.copyOf(docs, n), java.util.Arrays.copyOf(scores, n)));
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
