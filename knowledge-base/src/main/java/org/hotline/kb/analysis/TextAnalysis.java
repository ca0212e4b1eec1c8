package org.hotline.kb.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Runs normalised text through the three field analyzers and keeps the distinct terms of each:
 * what the content is indexed under. A query's terms are read as ids straight from its text
 * ({@link org.hotline.kb.index.QueryTermIds}). Thread-safe.
 */
public final class TextAnalysis {
  public static final String WORDS = "words";
  public static final String BIGRAMS = "bigrams";
  public static final String PINYIN = "pinyin";

  private final Analyzer words = FieldAnalyzers.wordAnalyzer();
  private final Analyzer bigrams = FieldAnalyzers.bigramAnalyzer();
  private final Analyzer pinyin = FieldAnalyzers.pinyinAnalyzer();

  /** The distinct terms of one text in each field. */
  public record Terms(Set<String> words, Set<String> bigrams, Set<String> pinyin) {}

  public Terms analyze(String normalized) {
    return new Terms(
        terms(words, WORDS, normalized),
        new LinkedHashSet<>(TermSequences.characterBigrams(normalized)),
        new LinkedHashSet<>(TermSequences.pinyinBigrams(normalized)));
  }

  public Analyzer analyzer(String field) {
    return switch (field) {
      case WORDS -> words;
      case BIGRAMS -> bigrams;
      case PINYIN -> pinyin;
      default -> throw new IllegalArgumentException("unknown field " + field);
    };
  }

  private static Set<String> terms(Analyzer analyzer, String field, String text) {
    Set<String> out = new LinkedHashSet<>();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        out.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in-memory text: cannot happen
    }
    return out;
  }
}
