package org.hotline.kb.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.hotline.kb.index.ImpactSearch.Hits;
import org.junit.jupiter.api.Test;

/** Summed impacts must rank and score as Lucene's own disjunction of term queries does. */
class ImpactSearchTest {
  private static final BM25Similarity BM25 = new BM25Similarity(1.2f, 1.0f);
  private static final List<String> WORDS = List.of("xin", "yong", "ka", "gua", "shi", "dao", "shua", "zheng",
      "xin2", "bao", "gao", "jia", "bi", "tou", "su", "ting", "fu", "mi", "ma", "yin");

  @Test
  void ranksAndScoresLikeLucenesDisjunction() throws Exception {
    Random random = new Random(7);
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer()).setSimilarity(BM25))) {
      for (int d = 0; d < 400; d++) {
        StringBuilder text = new StringBuilder();
        int length = 2 + random.nextInt(12);
        for (int i = 0; i < length; i++) {
          text.append(WORDS.get(random.nextInt(WORDS.size()))).append(' ');
        }
        Document doc = new Document();
        doc.add(new TextField("f", text.toString(), Field.Store.NO));
        writer.addDocument(doc);
      }
      writer.forceMerge(1);
    }
    IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(dir));
    searcher.setSimilarity(BM25);
    TermImpacts impacts = TermImpacts.read(searcher, "f");
    for (int q = 0; q < 50; q++) {
      float boost = q % 2 == 0 ? 1f : 0.2f;
      BooleanQuery.Builder query = new BooleanQuery.Builder();
      ImpactSearch search = ImpactSearch.forThread(400);
      for (int t = 0; t < 1 + random.nextInt(5); t++) {
        String word = WORDS.get(random.nextInt(WORDS.size()));
        TermQuery term = new TermQuery(new Term("f", word));
        query.add(boost == 1f ? term : new BoostQuery(term, boost), BooleanClause.Occur.SHOULD);
        search.add(impacts.postings(word), boost);
      }
      ScoreDoc[] lucene = searcher.search(query.build(), 20).scoreDocs;
      Hits ours = search.top(20);
      assertEquals(lucene.length, ours.size());
      int[] luceneDocs = new int[lucene.length];
      for (int i = 0; i < lucene.length; i++) {
        luceneDocs[i] = lucene[i].doc;
        assertEquals(lucene[i].score, ours.scores()[i], lucene[i].score * 1e-5, "score of hit " + i);
      }
      assertArrayEquals(luceneDocs, ours.docs(), "query " + q);
    }
  }

  @Test
  void skippingCommonTermsFindsTheHitsOfTheFullSum() {
    // Zipf-like term frequencies over 2,000 documents: a few terms in most of them, many in few.
    Random random = new Random(11);
    int maxDoc = 2000;
    int vocabulary = 300;
    List<TermImpacts.Postings> common = new java.util.ArrayList<>();
    List<TermImpacts.Postings> rare = new java.util.ArrayList<>();
    for (int t = 0; t < vocabulary; t++) {
      double share = 0.8 / (1 + t);
      int[] docs = new int[maxDoc];
      float[] scores = new float[maxDoc];
      int n = 0;
      for (int d = 0; d < maxDoc; d++) {
        if (random.nextDouble() < share) {
          docs[n] = d;
          scores[n] = 0.2f + 5 * random.nextFloat() * (1 + t) / vocabulary;
          n++;
        }
      }
      docs = java.util.Arrays.copyOf(docs, n);
      scores = java.util.Arrays.copyOf(scores, n);
      common.add(TermImpacts.Postings.of(docs, scores, maxDoc));
      rare.add(new TermImpacts.Postings(docs, scores)); // never skipped: the reference
    }
    assertTrue(common.stream().filter(TermImpacts.Postings::common).count() > 5, "some terms are common");
    ImpactSearch search = ImpactSearch.forThread(maxDoc);
    int prunedBefore = search.pruned;
    int queries = 400;
    for (int q = 0; q < queries; q++) {
      int k = 1 + random.nextInt(40);
      float boost = q % 3 == 0 ? 0.2f : 1f;
      int[] terms = random.ints(1 + random.nextInt(12), 0, vocabulary).toArray();
      for (int t : terms) {
        search.add(rare.get(t), boost);
      }
      Hits expected = search.top(k);
      for (int t : terms) {
        search.add(common.get(t), boost);
      }
      Hits actual = search.top(k);
      assertArrayEquals(expected.docs(), actual.docs(), "query " + q);
      assertArrayEquals(expected.scores(), actual.scores(), "query " + q);
    }
    int pruned = search.pruned - prunedBefore;
    assertTrue(pruned > queries / 10 && pruned < queries, "both ways were taken: " + pruned + " pruned");
  }

  @Test
  void anEmptySearchHasNoHitsAndLeavesNothingBehind() {
    ImpactSearch search = ImpactSearch.forThread(10);
    assertEquals(0, search.top(5).size());
    search.add(new TermImpacts.Postings(new int[] {1, 3}, new float[] {2f, 1f}), 1f);
    assertArrayEquals(new int[] {1}, search.top(1).docs());
    assertEquals(0, search.top(5).size(), "the accumulator is reset after each search");
  }
}
