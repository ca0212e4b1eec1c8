package org.hotline.kb.index;

/**
 * Sums {@link TermImpacts} postings for a disjunction of terms (each with a boost) and returns the
 * best documents, highest score first and, on equal scores, the lower document first, as Lucene
 * orders hits. Scores are summed in double and rounded to float, as Lucene's disjunction does.
 *
 * <p>Common terms ({@link TermImpacts.Postings#common}) hold most of a query's postings but rarely
 * decide its best hits. So the rare terms' postings are summed first, and the common terms are
 * added only to the documents those reached, from their dense vectors. When the {@code k}th best
 * of these scores more than the common terms' highest scores together, no document that only
 * common terms reach can be among the best {@code k}, and the hits are those of the full sum: the
 * same documents with the same scores (in double, a sum of a few dozen float scores within a
 * millionfold of one another is exact, in any order). Otherwise the full sum is made. Not
 * thread-safe: one instance per thread (see {@link #forThread}).
 */
public final class ImpactSearch {
  /** Hits: documents and their scores, best first. */
  public record Hits(int[] docs, float[] scores) {
    public int size() {
      return docs.length;
    }
  }

  private static final ThreadLocal<ImpactSearch> PER_THREAD = new ThreadLocal<>();

  private double[] sums = new double[0];
  private int[] touched = new int[0];
  private int touchedCount;
  private long[] heap = new long[0];
  /** The terms added since the last search, and their boosts. */
  private TermImpacts.Postings[] terms = new TermImpacts.Postings[8];
  private float[] boosts = new float[8];
  private int termCount;
  /** Searches that left out the documents only common terms reach: for tests. */
  int pruned;

  /** This thread's accumulator, sized for {@code maxDoc} documents. */
  public static ImpactSearch forThread(int maxDoc) {
    ImpactSearch search = PER_THREAD.get();
    if (search == null || search.sums.length < maxDoc) {
      search = new ImpactSearch();
      search.sums = new double[maxDoc];
      search.touched = new int[maxDoc];
      PER_THREAD.set(search);
    }
    return search;
  }

  /** Adds one term to the disjunction; its scores count multiplied by its boost. */
  public void add(TermImpacts.Postings postings, float boost) {
    if (termCount == terms.length) {
      terms = java.util.Arrays.copyOf(terms, 2 * termCount);
      boosts = java.util.Arrays.copyOf(boosts, 2 * termCount);
    }
    terms[termCount] = postings;
    boosts[termCount] = boost;
    termCount++;
  }

  /** The best {@code k} documents of the terms added; resets the search for the next one. */
  public Hits top(int k) {
    try {
      return k <= 0 ? new Hits(new int[0], new float[0]) : search(k);
    } finally {
      java.util.Arrays.fill(terms, 0, termCount, null);
      termCount = 0;
    }
  }

  private Hits search(int k) {
    double commonMax = 0; // the most a document only common terms reach can score
    boolean anyCommon = false;
    for (int t = 0; t < termCount; t++) {
      if (terms[t].common()) {
        anyCommon = true;
        commonMax += scaled(terms[t].max(), boosts[t]); // rounded as each score is
      } else {
        sum(terms[t], boosts[t]);
      }
    }
    if (!anyCommon) {
      return best(k);
    }
    if (touchedCount >= k) {
      for (int t = 0; t < termCount; t++) {
        if (terms[t].common()) {
          sumOnTouched(terms[t].dense(), boosts[t]);
        }
      }
      Hits hits = best(k);
      if (hits.scores()[k - 1] > (float) commonMax) {
        pruned++;
        return hits;
      }
    } else {
      reset();
    }
    for (int t = 0; t < termCount; t++) { // the full sum: rare terms, then common ones
      if (!terms[t].common()) {
        sum(terms[t], boosts[t]);
      }
    }
    for (int t = 0; t < termCount; t++) {
      if (terms[t].common()) {
        sum(terms[t], boosts[t]);
      }
    }
    return best(k);
  }

  /** Adds a common term's scores to the documents already reached, from its dense vector. */
  private void sumOnTouched(float[] dense, float boost) {
    double[] sums = this.sums;
    int[] touched = this.touched;
    for (int i = 0; i < touchedCount; i++) {
      int doc = touched[i];
      sums[doc] += scaled(dense[doc], boost);
    }
  }

  /** Adds one term's scores, multiplied by its boost, to every document it has. */
  private void sum(TermImpacts.Postings postings, float boost) {
    int[] docs = postings.docs();
    float[] scores = postings.scores();
    double[] sums = this.sums;
    int[] touched = this.touched;
    int count = touchedCount;
    for (int i = 0; i < docs.length; i++) {
      int doc = docs[i];
      double sum = sums[doc];
      // Branch-free: whether a document is new is a coin toss the processor cannot predict.
      touched[count] = doc;
      count += sum == 0 ? 1 : 0;
      sums[doc] = sum + scaled(scores[i], boost);
    }
    touchedCount = count;
  }

  /** A score times a boost, in float as Lucene's boosted scores are. */
  private static float scaled(float score, float boost) {
    return boost == 1f ? score : score * boost;
  }

  private void reset() {
    for (int i = 0; i < touchedCount; i++) {
      sums[touched[i]] = 0;
    }
    touchedCount = 0;
  }

  /** The best {@code k} documents of what was summed; resets the accumulator. */
  private Hits best(int k) {
    int n = Math.min(k, touchedCount);
    // Each hit as one long that orders like the hits: the score's bits (scores are non-negative,
    // so their bits order like the floats), then the document inverted (lower first on ties).
    if (heap.length < n) {
      heap = new long[n];
    }
    long[] heap = this.heap;
    int size = 0;
    long weakest = Long.MIN_VALUE; // the root of the min-heap once it is full
    for (int i = 0; i < touchedCount; i++) {
      int doc = touched[i];
      long key = key((float) sums[doc], doc);
      sums[doc] = 0;
      if (size < n) {
        heap[size++] = key;
        if (size == n) {
          heapify(heap, size);
          weakest = heap[0];
        }
      } else if (key > weakest) {
        heap[0] = key;
        down(heap, 0, size);
        weakest = heap[0];
      }
    }
    touchedCount = 0; // n never exceeds the touched documents, so the heap is full and built
    // Pop the weakest hit into the last free place until the heap is empty: best first.
    int[] docs = new int[size];
    float[] scores = new float[size];
    for (int last = size - 1; last >= 0; last--) {
      docs[last] = Integer.MAX_VALUE - (int) heap[0];
      scores[last] = Float.intBitsToFloat((int) (heap[0] >>> 32));
      heap[0] = heap[last];
      down(heap, 0, last);
    }
    return new Hits(docs, scores);
  }

  private static long key(float score, int doc) {
    return ((long) Float.floatToRawIntBits(score) << 32) | (Integer.MAX_VALUE - doc);
  }

  /** Floyd's bottom-up construction of a min-heap: the weakest hit ends at the root. */
  private static void heapify(long[] heap, int size) {
    for (int j = size / 2 - 1; j >= 0; j--) {
      down(heap, j, size);
    }
  }

  /** Sifts the entry at {@code i} down a min-heap of {@code size} entries. */
  private static void down(long[] heap, int i, int size) {
    long entry = heap[i];
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && heap[child + 1] < heap[child]) {
        child++;
      }
      if (heap[child] >= entry) {
        break;
      }
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = entry;
  }
}
