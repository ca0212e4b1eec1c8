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
  /** Length of the longest term, at most {@link #LONGEST_MATCH}: how far {@link #longestMatches} looks ahead. */
  private final int longestTerm;

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
    longestTerm = all.keySet().stream().mapToInt(String::length).map(n -> Math.min(n, LONGEST_MATCH)).max().orElse(1);
  }

  private int slot(String term) {
    return slotOfHash(term.hashCode());
  }

  private int slotOfHash(int hashCode) {
    int h = hashCode * 0x9E3779B9;
    return (h ^ (h >>> 16)) & mask;
  }

  /** The id of the term {@code text[start, end)}, or -1; allocates nothing. */
  private int id(String text, int start, int end) {
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
          out.add(text.substring(i, end));
        }
        i = end;
        continue;
      }
      int length = Math.min(longestTerm, text.length() - i);
      while (length > 1 && (text.charAt(i + length - 1) < 128 || id(text, i, i + length) < 0)) {
        length--;
      }
      out.add(text.substring(i, i + length));
      i += length;
    }
    return java.util.List.copyOf(out);
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
