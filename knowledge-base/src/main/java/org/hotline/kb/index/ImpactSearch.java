package org.hotline.kb.index;

/**
 * Sums {@link TermImpacts} postings for a disjunction of terms (each with a boost) and returns the
 * best documents, highest score first and, on equal scores, the lower document first, as Lucene
 * orders hits. Scores are summed in double and rounded to float, as Lucene's disjunction does. Not
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

  /** Adds one term's scores, multiplied by its boost. */
  public void add(TermImpacts.Postings postings, float boost) {
    int[] docs = postings.docs();
    float[] scores = postings.scores();
    for (int i = 0; i < docs.length; i++) {
      int doc = docs[i];
      if (sums[doc] == 0) {
        touched[touchedCount++] = doc;
      }
      sums[doc] += boost == 1f ? scores[i] : scores[i] * boost;
    }
  }

  /** The best {@code k} documents of what was added; resets the accumulator for the next search. */
  public Hits top(int k) {
    int n = Math.min(k, touchedCount);
    int[] heapDocs = new int[n];
    float[] heapScores = new float[n];
    int size = 0;
    // A min-heap of the best n so far: its root is the weakest kept hit.
    for (int i = 0; i < touchedCount; i++) {
      int doc = touched[i];
      float score = (float) sums[doc];
      sums[doc] = 0;
      if (size < n) {
        heapDocs[size] = doc;
        heapScores[size] = score;
        if (++size == n) {
          heapify(heapDocs, heapScores, size);
        }
      } else if (n > 0 && better(score, doc, heapScores[0], heapDocs[0])) {
        heapDocs[0] = doc;
        heapScores[0] = score;
        down(heapDocs, heapScores, size);
      }
    }
    touchedCount = 0;
    if (size < n) {
      heapify(heapDocs, heapScores, size);
    }
    // Pop the weakest hit into the last free place until the heap is empty: best first.
    int[] docs = new int[size];
    float[] scores = new float[size];
    for (int last = size - 1; last >= 0; last--) {
      docs[last] = heapDocs[0];
      scores[last] = heapScores[0];
      heapDocs[0] = heapDocs[last];
      heapScores[0] = heapScores[last];
      down(heapDocs, heapScores, last);
    }
    return new Hits(docs, scores);
  }

  private static boolean better(float score, int doc, float otherScore, int otherDoc) {
    return score > otherScore || (score == otherScore && doc < otherDoc);
  }

  /** Floyd's bottom-up heap construction: the weakest hit ends at the root. */
  private static void heapify(int[] docs, float[] scores, int size) {
    for (int i = size / 2 - 1; i >= 0; i--) {
      down(docs, scores, i, size);
    }
  }

  private static void down(int[] docs, float[] scores, int size) {
    down(docs, scores, 0, size);
  }

  private static void down(int[] docs, float[] scores, int start, int size) {
    int i = start;
    while (true) {
      int left = 2 * i + 1;
      int right = left + 1;
      int weakest = i;
      if (left < size && better(scores[weakest], docs[weakest], scores[left], docs[left])) {
        weakest = left;
      }
      if (right < size && better(scores[weakest], docs[weakest], scores[right], docs[right])) {
        weakest = right;
      }
      if (weakest == i) {
        return;
      }
      swap(docs, scores, i, weakest);
      i = weakest;
    }
  }

  private static void swap(int[] docs, float[] scores, int a, int b) {
    int d = docs[a];
    docs[a] = docs[b];
    docs[b] = d;
    float s = scores[a];
    scores[a] = scores[b];
    scores[b] = s;
  }
}
