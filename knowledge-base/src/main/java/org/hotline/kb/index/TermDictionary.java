package org.hotline.kb.index;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Numbers the terms of one field and knows each term's inverse document frequency, so that
 * match features are computed on small sorted int arrays instead of string sets. Terms the
 * questions never use get the highest weight. Immutable; thread-safe.
 */
public final class TermDictionary {
  /** Open addressing (linear probing) from term to id: no boxing, one probe for most lookups. */
  private final String[] keys;
  private final int[] values;
  private final int mask;
  private final float[] idf;
  private final float unseenIdf;
  /**
   * Per first character: the length of the longest term that starts with it, at most {@link
   * #LONGEST_MATCH} (0: none does). How far {@link #longestMatches} looks ahead.
   */
  private final byte[] longestStartingWith = new byte[Character.MAX_VALUE + 1];

  /** Longest span {@link #longestMatches} tries as one term. */
  static final int LONGEST_MATCH = 8;

  /**
   * @param extraTerms terms used elsewhere (answers) but not by any question: numbered too, with
   *     the unseen weight
   */
  TermDictionary(Map<String, Float> idfOfTerm, float unseenIdf, Collection<String> extraTerms) {
    Map<String, Float> all = new HashMap<>(idfOfTerm);
    extraTerms.forEach(t -> all.putIfAbsent(t, unseenIdf));
    this.idf = new float[all.size()];
    this.unseenIdf = unseenIdf;
    int capacity = Integer.highestOneBit(Math.max(4, all.size() * 3 - 1)) << 1; // load at most 1/3
    keys = new String[capacity];
    values = new int[capacity];
    mask = capacity - 1;
    int next = 0;
    for (Map.Entry<String, Float> e : all.entrySet()) {
      int slot = slot(e.getKey());
      while (keys[slot] != null) {
        slot = (slot + 1) & mask;
      }
      keys[slot] = e.getKey();
      values[slot] = next;
      idf[next++] = e.getValue();
    }
    for (String term : all.keySet()) {
      if (!term.isEmpty()) {
        int first = term.charAt(0);
        longestStartingWith[first] = (byte) Math.max(longestStartingWith[first], Math.min(term.length(), LONGEST_MATCH));
      }
    }
  }

  private int slot(String term) {
    return slotOfHash(term.hashCode());
  }

  private int slotOfHash(int hashCode) {
    int h = hashCode * 0x9E3779B9;
    return (h ^ (h >>> 16)) & mask;
  }

  /** The id of the term {@code text[start, end)}, or -1; allocates nothing. */
  int id(String text, int start, int end) {
    int hash = 0;
    for (int i = start; i < end; i++) {
      hash = 31 * hash + text.charAt(i); // String.hashCode of the span
    }
    int length = end - start;
    int slot = slotOfHash(hash);
    String key;
    while ((key = keys[slot]) != null) {
      if (key.length() == length && key.regionMatches(0, text, start, length)) {
        return values[slot];
      }
      slot = (slot + 1) & mask;
    }
    return -1;
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
      // Only as long as the longest term starting with this character: most start none or short ones.
      int length = Math.min(longestStartingWith[c], text.length() - i);
      int id = -1;
      while (length > 1 && (text.charAt(i + length - 1) < 128 || (id = id(text, i, i + length)) < 0)) {
        length--;
      }
      if (length <= 1) {
        length = 1;
        id = id(text, i, i + 1);
      }
      sink.accept(i, i + length, id);
      i += length;
    }
  }

  /** The id of a term, or -1 when the questions never use it. */
  public int id(String term) {
    int slot = slot(term);
    String key;
    while ((key = keys[slot]) != null) {
      if (key.equals(term)) {
        return values[slot];
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  /** Calls {@code action} with every term and its id. */
  void forEachTerm(java.util.function.ObjIntConsumer<String> action) {
    for (int slot = 0; slot < keys.length; slot++) {
      if (keys[slot] != null) {
        action.accept(keys[slot], values[slot]);
      }
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
