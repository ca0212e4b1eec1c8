package org.hotline.kb.ranking;

import java.util.Arrays;
import org.hotline.kb.index.FaqIndex;

/**
 * A multinomial naive Bayes classifier from a query's terms to the entry asked about, trained on
 * the content itself: each entry's questions (canonical and alternates) pooled, each question's
 * distinct pinyin bigrams and words counted once. Where the question search scores one indexed
 * question at a time, so that a generic phrase shared with one short question (如何处理) can
 * outweigh the one word that names the topic (冻结), the classifier weighs each term by how
 * typical it is of every wording of an entry together.
 *
 * <p>The log-likelihood of an entry is, per field, the query's term count times the log of the
 * smoothed share an unseen term gets ({@code ALPHA / (N + ALPHA * V)}), plus, for each query term
 * the entry has, {@code log((n + ALPHA) / ALPHA)}, summed per term like a search: from a sparse
 * list of the entries that have the term, or, for a term an eighth of the entries or more have
 * (的, 怎么, 银行), from a dense vector over all entries, which the JIT adds several entries at a
 * time. Sums are in {@code float}, from logs shifted to stay small (see {@link #unseen}). A question can be
 * scored as if it were not in the content (leave-one-out), which the calibration needs.
 * Immutable; thread-safe.
 */
final class EntryClassifier {
  /**
   * Additive smoothing, chosen on the development set: from 1 to 3 it ranks alike (99.1 to 99.6%
   * of questions with the right entry first); 0.1 and 0.5 rank a little worse, 5 too.
   */
  static final double ALPHA = 2.0;
  /** Share of the entries from which a term's increments are kept as a dense vector. */
  private static final double DENSE_SHARE = 0.125;
  /** Log-probability below the leader's at which an entry's posterior is taken as 0: e^-21 < 1e-9. */
  private static final double NEGLIGIBLE = -21;

  private final FaqIndex index;
  private final String[] fields;
  private final Field[] byField;

  /**
   * One field's counts. Per term id: the entries with it (ascending), its count in each and the
   * log increment of each, and for a common term the same increments as a dense vector over all
   * entries (null for the others), which the search adds instead. Per entry: the total count and
   * the log share of an unseen term.
   */
  private record Field(int vocabulary, int[][] entries, int[][] counts, float[][] increments,
      float[][] dense, int[] totals, float[] unseen) {}

  /**
   * Each entry's log-likelihood (shifted), and the most probable entries, best first; an entry's
   * posterior probability is {@code exp(score - max) / sum}, taken as 0 far behind the leader.
   */
  record Posteriors(float[] score, double max, double sum, int[] leaders) {
    // score is this thread's scratch array (SCORES): valid until the thread's next posteriors call.
    double probability(int entry) {
      double d = score[entry] - max;
      return d < NEGLIGIBLE ? 0 : Math.exp(d) / sum;
    }
  }

  /** Per thread: the entries' scores of its latest question (no array per question). */
  private static final ThreadLocal<float[]> SCORES = ThreadLocal.withInitial(() -> new float[0]);

  EntryClassifier(FaqIndex index, String... fields) {
    this.index = index;
    this.fields = fields.clone();
    this.byField = new Field[fields.length];
    for (int f = 0; f < fields.length; f++) {
      byField[f] = count(index, fields[f]);
    }
  }

  private static Field count(FaqIndex index, String field) {
    int vocabulary = index.dictionary(field).size();
    int entryCount = index.entryCount();
    int[][] entries = new int[vocabulary][];
    int[][] counts = new int[vocabulary][];
    int[] sizes = new int[vocabulary];
    int[] totals = new int[entryCount];
    // Entries are visited in order, so each term's entry list comes out ascending.
    for (int e = 0; e < entryCount; e++) {
      for (int doc : index.questionsOf(e)) {
        for (int t : index.termsOfQuestion(field, doc)) {
          totals[e]++;
          int n = sizes[t];
          if (n > 0 && entries[t][n - 1] == e) {
            counts[t][n - 1]++;
            continue;
          }
          if (entries[t] == null) {
            entries[t] = new int[4];
            counts[t] = new int[4];
          } else if (n == entries[t].length) {
            entries[t] = Arrays.copyOf(entries[t], 2 * n);
            counts[t] = Arrays.copyOf(counts[t], 2 * n);
          }
          entries[t][n] = e;
          counts[t][n] = 1;
          sizes[t] = n + 1;
        }
      }
    }
    float[][] increments = new float[vocabulary][];
    float[][] dense = new float[vocabulary][];
    for (int t = 0; t < vocabulary; t++) {
      int n = sizes[t];
      entries[t] = n == 0 ? new int[0] : Arrays.copyOf(entries[t], n);
      counts[t] = n == 0 ? new int[0] : Arrays.copyOf(counts[t], n);
      increments[t] = new float[n];
      for (int i = 0; i < n; i++) {
        increments[t][i] = (float) Math.log((counts[t][i] + ALPHA) / ALPHA);
      }
      if (n >= DENSE_SHARE * entryCount) {
        dense[t] = new float[entryCount];
        for (int i = 0; i < n; i++) {
          dense[t][entries[t][i]] = increments[t][i];
        }
      }
    }
    float[] unseen = new float[entryCount];
    for (int e = 0; e < entryCount; e++) {
      unseen[e] = (float) unseen(totals[e], vocabulary);
    }
    return new Field(vocabulary, entries, counts, increments, dense, totals, unseen);
  }

  /**
   * The log share of an unseen term in an entry with {@code total} term counts, less the same for
   * an empty entry (a constant that cancels out of the posteriors): small numbers, which keep the
   * sums precise in {@code float}.
   */
  private static double unseen(int total, int vocabulary) {
    return -Math.log1p(total / (ALPHA * vocabulary));
  }

  /**
   * Each entry's posterior probability given the query terms of each field (in the order the
   * classifier was built with), as if {@code excludedDoc} (or nothing, when negative) were not in
   * the content, and the {@code leaders} most probable entries. The result is read before this
   * thread classifies another question (its scores are reused).
   */
  Posteriors posteriors(QueryTerms[] terms, int excludedDoc, int leaders) {
    int entryCount = index.entryCount();
    float[] score = SCORES.get();
    if (score.length < entryCount) {
      score = new float[entryCount];
      SCORES.set(score);
    } else {
      Arrays.fill(score, 0, entryCount, 0f);
    }
    for (int f = 0; f < fields.length; f++) {
      Field field = byField[f];
      QueryTerms q = terms[f];
      int size = q.size();
      float[] unseen = field.unseen();
      for (int e = 0; e < entryCount; e++) {
        score[e] += size * unseen[e];
      }
      for (int i = 0; i < size; i++) {
        int id = q.id(i);
        if (id < 0) {
          continue;
        }
        float[] dense = field.dense()[id];
        if (dense != null) {
          for (int e = 0; e < entryCount; e++) {
            score[e] += dense[e];
          }
        } else {
          int[] entries = field.entries()[id];
          float[] increments = field.increments()[id];
          for (int k = 0; k < entries.length; k++) {
            score[entries[k]] += increments[k];
          }
        }
      }
    }
    if (excludedDoc >= 0) {
      int entry = index.entryOfQuestion(excludedDoc);
      double change = 0;
      for (int f = 0; f < fields.length; f++) {
        change += withoutQuestion(byField[f], fields[f], terms[f], entry, excludedDoc)
            - withQuestion(byField[f], terms[f], entry);
      }
      score[entry] += (float) change;
    }
    int[] best = new int[Math.min(leaders, entryCount)];
    Arrays.fill(best, -1);
    for (int e = 0; e < entryCount; e++) {
      for (int k = 0; k < best.length; k++) {
        if (best[k] < 0 || score[e] > score[best[k]]) {
          System.arraycopy(best, k, best, k + 1, best.length - k - 1);
          best[k] = e;
          break;
        }
      }
    }
    double max = best.length == 0 ? 0 : score[best[0]];
    double sum = 0;
    for (int e = 0; e < entryCount; e++) {
      // Far behind the leader, 0 rather than an exponential no feature could tell from it.
      double d = score[e] - max;
      sum += d < NEGLIGIBLE ? 0 : Math.exp(d);
    }
    return new Posteriors(score, max, sum, best);
  }

  /** One field's log-likelihood of the entry. */
  private static double withQuestion(Field field, QueryTerms q, int entry) {
    double s = q.size() * field.unseen()[entry];
    for (int i = 0; i < q.size(); i++) {
      int id = q.id(i);
      int k = id < 0 ? -1 : Arrays.binarySearch(field.entries()[id], entry);
      s += k < 0 ? 0 : field.increments()[id][k];
    }
    return s;
  }

  /** One field's log-likelihood of the entry with one of its questions taken out of the counts. */
  private double withoutQuestion(Field field, String name, QueryTerms q, int entry, int doc) {
    int[] docTerms = index.termsOfQuestion(name, doc); // sorted distinct ids
    double s = q.size() * unseen(field.totals()[entry] - docTerms.length, field.vocabulary());
    for (int i = 0; i < q.size(); i++) {
      int id = q.id(i);
      if (id < 0) {
        continue;
      }
      int k = Arrays.binarySearch(field.entries()[id], entry);
      int count = k < 0 ? 0 : field.counts()[id][k];
      if (Arrays.binarySearch(docTerms, id) >= 0) {
        count--;
      }
      s += Math.log((count + ALPHA) / ALPHA);
    }
    return s;
  }
}
