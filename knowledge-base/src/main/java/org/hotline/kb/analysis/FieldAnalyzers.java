package org.hotline.kb.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;

/**
 * The analyzers of the three question fields. Each expects text already passed through
 * {@link QuestionNormalizer}. Analyzers are thread-safe (Lucene keeps per-thread components).
 */
public final class FieldAnalyzers {
  private FieldAnalyzers() {}

  /** Words as smartcn segments them: 信用卡被盗刷 → 信用卡, 被, 盗, 刷. */
  public static Analyzer wordAnalyzer() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer tokenizer = new HMMChineseTokenizer();
        TokenStream stream = new LowerCaseFilter(tokenizer);
        return new TokenStreamComponents(tokenizer, stream);
      }
    };
  }

  /** Overlapping character bigrams, which catch domain words smartcn splits: 挂失 → 挂失. */
  public static Analyzer bigramAnalyzer() {
    return termListAnalyzer(TermSequences::characterBigrams);
  }

  /**
   * Bigrams of toneless, accent-folded pinyin syllables, so that same-sounding words meet:
   * 逾期 and 预期 both give {@code yuqi}; 征信 and 争信 both give {@code zenxin}.
   */
  public static Analyzer pinyinAnalyzer() {
    return termListAnalyzer(TermSequences::pinyinBigrams);
  }

  private static Analyzer termListAnalyzer(java.util.function.Function<String, java.util.List<String>> terms) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        return new TokenStreamComponents(new TermListTokenizer(terms));
      }
    };
  }
}
