package org.hotline.kb.ranking;

import java.util.Collection;
import org.hotline.kb.index.TermDictionary;
import org.hotline.kb.index.TermSet;

/**
 * A query's distinct terms in one field, as ids with their rarity weights, looked up once per
 * query and then matched against many documents: a small open-addressing table, probed once per
 * document term. Immutable after construction; confined to one query.
 */
final class QueryTerms implements java.util.function.IntPredicate {
  /** Cap on terms per field, so a 500-character question stays cheap. */
  static final int MAX_TERMS = 64;

  private final int[] ids;
  private final float[] weights;
  private final int[] slots;
  private final float[] slotWeights;
  private final int mask;
  private final double totalWeight;

  QueryTerms(TermDictionary dictionary, Collection<String> terms) {
    this(dictionary, ids(dictionary, terms));
  }

  /** From term ids in query order; -1 for each distinct term the dictionary lacks. */
  QueryTerms(TermDictionary dictionary, int[] termIds) {
    int count = Math.min(MAX_TERMS, termIds.length);
    int size = Integer.highestOneBit(Math.max(4, count * 4 - 1)) << 1;
    slots = new int[size];
    java.util.Arrays.fill(slots, -1);
    slotWeights = new float[size];
    mask = size - 1;
    ids = java.util.Arrays.copyOf(termIds, count);
    weights = new float[count];
    double total = 0;
    for (int n = 0; n < count; n++) {
      int id = ids[n];
      float weight = dictionary.idf(id);
      weights[n] = weight;
      total += weight; // unknown terms count against coverage but can never match
      if (id >= 0) {
        int slot = mix(id) & mask;
        while (slots[slot] != -1 && slots[slot] != id) {
          slot = (slot + 1) & mask;
        }
        slots[slot] = id;
        slotWeights[slot] = weight;
      }
    }
    totalWeight = total;
  }

  private static int[] ids(TermDictionary dictionary, Collection<String> terms) {
    int[] out = new int[Math.min(MAX_TERMS, terms.size())];
    int n = 0;
    for (String term : terms) {
      if (n == out.length) {
        break;
      }
      out[n++] = dictionary.id(term);
    }
    return out;
  }

  /** The term ids, in query order (-1: unknown). */
  int id(int i) {
    return ids[i];
  }

  /** Number of terms. */
  int size() {
    return ids.length;
  }

  private static int mix(int id) {
    return id * 0x9E3779B9 >>> 7;
  }

  private float weightOf(int id) {
    int slot = mix(id) & mask;
    while (true) {
      int s = slots[slot];
      if (s == id) {
        return slotWeights[slot];
      }
      if (s == -1) {
        return 0;
      }
      slot = (slot + 1) & mask;
    }
  }

  double totalWeight() {
    return totalWeight;
  }

  /** Rarity-weighted share of these terms that the document (sorted distinct term ids) contains. */
  double coverage(int[] docTerms) {
    return totalWeight == 0 ? 0 : matchedWeight(docTerms) / totalWeight;
  }

  /** Rarity-weighted share of these terms that a large set (an entry's vocabulary) contains. */
  double coverage(TermSet set) {
    if (totalWeight == 0) {
      return 0;
    }
    double matched = 0;
    for (int i = 0; i < ids.length; i++) {
      if (set.contains(ids[i])) {
        matched += weights[i];
      }
    }
    return matched / totalWeight;
  }

  /** Summed rarity of these terms that the document contains. */
  double matchedWeight(int[] docTerms) {
    double matched = 0;
    for (int id : docTerms) {
      matched += weightOf(id);
    }
    return matched;
  }

  /** Whether the query holds the term. */
  @Override
  public boolean test(int id) {
    return weightOf(id) > 0;
  }
}
