package org.hotline.kb.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
      ImpactSearch.Hits ours = search.top(20);
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
  void anEmptySearchHasNoHitsAndLeavesNothingBehind() {
    ImpactSearch search = ImpactSearch.forThread(10);
    assertEquals(0, search.top(5).size());
    search.add(new TermImpacts.Postings(new int[] {1, 3}, new float[] {2f, 1f}), 1f);
    assertArrayEquals(new int[] {1}, search.top(1).docs());
    assertEquals(0, search.top(5).size(), "the accumulator is reset after each search");
  }
}
