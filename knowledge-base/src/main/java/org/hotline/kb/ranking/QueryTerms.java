package org.hotline.kb.ranking;

import org.hotline.kb.index.TermDictionary;
import org.hotline.kb.index.TermSet;

/**
 * A query's distinct terms in one field, as ids with their rarity weights, looked up once per
 * query and then matched against many documents. The weights are marked in a per-thread array as
 * large as the field's dictionary, stamped with a generation number, so a document term costs one
 * array read and nothing has to be cleared afterwards. Confined to one query on one thread; only
 * the latest QueryTerms of a dictionary on a thread may be used (checked).
 */
final class QueryTerms {
  /** Cap on terms per field, so a 500-character question stays cheap. */
  static final int MAX_TERMS = 64;

  private final int[] ids;
  private final float[] weights;
  private final Marks marks;
  private final int generation;
  private final double totalWeight;

  /**
   * Per thread and dictionary: each term's generation stamp and weight (its float bits) side by
   * side, so a document term costs one cache line.
   */
  private static final class Marks {
    final int[] stampAndWeight;
    int generation;

    Marks(int size) {
      stampAndWeight = new int[2 * size];
    }
  }

  private static final ThreadLocal<java.util.Map<TermDictionary, Marks>> MARKS =
      ThreadLocal.withInitial(java.util.WeakHashMap::new); // weak: a reloaded index's dictionaries go

  /**
   * From term ids in query order; -1 for each distinct term the dictionary lacks. The array is
   * kept (not copied) when it is within {@link #MAX_TERMS}: the caller hands it over.
   */
  QueryTerms(TermDictionary dictionary, int[] termIds) {
    int count = Math.min(MAX_TERMS, termIds.length);
    marks = MARKS.get().computeIfAbsent(dictionary, d -> new Marks(d.size()));
    if (++marks.generation == 0) { // wrapped after 2^32 queries: start from clean stamps
      java.util.Arrays.fill(marks.stampAndWeight, 0);
      marks.generation = 1;
    }
    generation = marks.generation;
    ids = count == termIds.length ? termIds : java.util.Arrays.copyOf(termIds, count);
    weights = new float[count];
    double total = 0;
    for (int n = 0; n < count; n++) {
      int id = ids[n];
      float weight = dictionary.idf(id);
      weights[n] = weight;
      total += weight; // unknown terms count against coverage but can never match
      if (id >= 0) {
        marks.stampAndWeight[2 * id] = generation;
        marks.stampAndWeight[2 * id + 1] = Float.floatToRawIntBits(weight);
      }
    }
    totalWeight = total;
  }

  /** The term ids, in query order (-1: unknown). */
  int id(int i) {
    return ids[i];
  }

  /** Number of terms. */
  int size() {
    return ids.length;
  }

  /** The weight of a document term (a known id) if the query holds it, else 0. */
  private float weightOf(int id) {
    int[] slots = marks.stampAndWeight;
    return slots[2 * id] == generation ? Float.intBitsToFloat(slots[2 * id + 1]) : 0;
  }

  double totalWeight() {
    return totalWeight;
  }

  /** Rarity-weighted share of these terms that the dictionary knows (some text of the content has). */
  double knownShare() {
    if (totalWeight == 0) {
      return 0;
    }
    double known = 0;
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] >= 0) {
        known += weights[i];
      }
    }
    return known / totalWeight;
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
    if (marks.generation != generation) {
      throw new IllegalStateException("a newer query on this thread reuses the term marks");
    }
    double matched = 0;
    for (int id : docTerms) {
      matched += weightOf(id);
    }
    return matched;
  }
}
