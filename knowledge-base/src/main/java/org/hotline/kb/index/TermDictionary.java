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
  }

  private int slot(String term) {
    int h = term.hashCode() * 0x9E3779B9;
    return (h ^ (h >>> 16)) & mask;
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
