package org.hotline.kb.index;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.hotline.kb.analysis.TermTable;

/**
 * Numbers the terms of one field and knows each term's inverse document frequency, so that
 * match features are computed on small sorted int arrays instead of string sets. Terms the
 * questions never use get the highest weight. Immutable; thread-safe.
 */
public final class TermDictionary {
  /** Term to id; the terms in id order. */
  private final TermTable table;
  private final java.util.List<String> terms;
  private final float[] idf;
  private final float unseenIdf;

  /** Longest span {@link #longestMatches} tries as one term. */
  static final int LONGEST_MATCH = 8;

  /**
   * @param extraTerms terms used elsewhere (answers) but not by any question: numbered too, with
   *     the unseen weight
   */
  TermDictionary(Map<String, Float> idfOfTerm, float unseenIdf, Collection<String> extraTerms) {
    Map<String, Float> all = new HashMap<>(idfOfTerm);
    extraTerms.forEach(t -> all.putIfAbsent(t, unseenIdf));
    this.terms = java.util.List.copyOf(all.keySet());
    this.table = new TermTable(terms, LONGEST_MATCH - 1);
    this.idf = new float[terms.size()];
    for (int id = 0; id < idf.length; id++) {
      idf[id] = all.get(terms.get(id));
    }
    this.unseenIdf = unseenIdf;
  }

  /** The id of the term {@code text[start, end)}, or -1; allocates nothing. */
  int id(String text, int start, int end) {
    return table.get(text, start, end);
  }

  /** Receives the spans of {@link #forEachLongestMatch}. */
  @FunctionalInterface
  interface SpanSink {
    void accept(int start, int end, int id);
  }

  /**
   * Splits normalised text into this dictionary's terms, longest first from left to right: the
   * query side of the word field. The content is segmented by smartcn when it is indexed, so its
   * words are the dictionary; a query only needs the words the content has (the others can never
   * match and count only as unknown weight), and a longest-match walk finds them in a fraction of
   * smartcn's time. A run of Latin letters or of digits is one term, as smartcn makes it; a Chinese
   * character no term starts with stands alone. Distinct terms, in query order.
   */
  public java.util.List<String> longestMatches(String text) {
    java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
    forEachLongestMatch(text, (start, end, id) -> out.add(text.substring(start, end)));
    return java.util.List.copyOf(out);
  }

  /**
   * The walk of {@link #longestMatches}: each term's span, left to right, repeats included, with
   * its id (-1 when unknown). Allocates nothing.
   */
  void forEachLongestMatch(String text, SpanSink sink) {
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c < 128) {
        int end = i + 1;
        if (Character.isLetterOrDigit(c)) {
          boolean digit = Character.isDigit(c);
          while (end < text.length() && text.charAt(end) < 128
              && Character.isLetterOrDigit(text.charAt(end)) && Character.isDigit(text.charAt(end)) == digit) {
            end++;
          }
          sink.accept(i, end, id(text, i, end));
        }
        i = end;
        continue;
      }
      // Forward while the span still begins some term (the table holds the prefixes), keeping the
      // longest that is a term and does not end in a Latin letter or digit; no further than the
      // longest term starting with this character.
      int limit = Math.min(Math.min(table.longestStartingWith(c), LONGEST_MATCH), text.length() - i);
      int length = 1;
      int id = -1;
      for (int span = 2; span <= limit; span++) {
        int found = table.find(text, i, i + span);
        if (found == -1) {
          break;
        }
        if (found >= 0 && text.charAt(i + span - 1) >= 128) {
          length = span;
          id = found;
        }
      }
      if (length == 1) {
        id = id(text, i, i + 1);
      }
      sink.accept(i, i + length, id);
      i += length;
    }
  }

  /** The id of a term, or -1 when the questions never use it. */
  public int id(String term) {
    return table.get(term);
  }

  /** Calls {@code action} with every term and its id. */
  void forEachTerm(java.util.function.ObjIntConsumer<String> action) {
    for (int id = 0; id < terms.size(); id++) {
      action.accept(terms.get(id), id);
    }
  }

  /** Number of terms. */
  public int size() {
    return idf.length;
  }

  /** The weight of a term by id; -1 (unknown) weighs the most. */
  public float idf(int id) {
    return id < 0 ? unseenIdf : idf[id];
  }

  /** Known terms as sorted ids; unknown terms are left out. */
  int[] sortedIds(Collection<String> terms) {
    return terms.stream().mapToInt(this::id).filter(id -> id >= 0).sorted().distinct().toArray();
  }

  /** Summed weight of a document's terms (sorted ids), the whole a {@code share} is taken of. */
  double totalWeight(int[] docTerms) {
    double total = 0;
    for (int id : docTerms) {
      total += idf[id];
    }
    return total;
  }
}
