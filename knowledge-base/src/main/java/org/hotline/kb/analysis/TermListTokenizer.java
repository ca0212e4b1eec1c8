package org.hotline.kb.analysis;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Emits the terms a function computes from the whole input text, one per position: the bridge
 * from {@link TermSequences} to Lucene's indexing. Questions are short, so reading the whole input
 * first costs nothing. Not thread-safe (Lucene reuses one instance per thread).
 */
final class TermListTokenizer extends Tokenizer {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final Function<String, List<String>> terms;
  private Iterator<String> pending;

  TermListTokenizer(Function<String, List<String>> terms) {
    this.terms = terms;
  }

  @Override
  public boolean incrementToken() throws IOException {
    clearAttributes();
    if (pending == null) {
      StringBuilder text = new StringBuilder();
      char[] buffer = new char[256];
      int n;
      while ((n = input.read(buffer)) > 0) {
        text.append(buffer, 0, n);
      }
      pending = terms.apply(text.toString()).iterator();
    }
    if (!pending.hasNext()) {
      return false;
    }
    term.append(pending.next());
    return true;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    pending = null;
  }
}
