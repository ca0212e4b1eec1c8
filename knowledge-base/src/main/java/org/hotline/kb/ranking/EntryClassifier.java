package org.hotline.kb.ranking;

import org.hotline.kb.index.FaqIndex;
import org.hotline.kb.index.TermDictionary;

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
 * the entry has, {@code log((n + ALPHA) / ALPHA)}: sparse postings per term, summed like a
 * search. A question can be scored as if it were not in the content (leave-one-out), which the
 * calibration needs. Immutable; thread-safe.
 */
final class EntryClassifier {
  /**
   * Additive smoothing, chosen on the development set: from 1 to 3 it ranks alike (99.1 to 99.6%
   * of questions with the right entry first); 0.1 and 0.5 rank a little worse, 5 too.
   */
  static final double ALPHA = 2.0;

  /** The fields classified on, and per field: postings and per-entry totals. */
  private final String[] fields;
  private final Field[] byField;
  private final FaqIndex index;

  /** One field's counts: per term id, the entries with it (ascending) and its count in each. */
  private record Field(int vocabulary, int[][] entries, int[][] counts, float[][] increments, int[] totals,
      double[] unseen) {}

  EntryClassifier(FaqIndex index, String... fields) {
    this.index = index;
    this.fields = fields.clone();
    this.byField = new Field[fields.length];
    for (int f = 0; f < fields.length; f++) {
      byField[f] = count(index, fields[f]);
    }
  }

  private static Field count(FaqIndex index, String field) {
    TermDictionary dictionary = index.dictionary(field);
    int vocabulary = dictionary.size();
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
            entries[t] = java.util.Arrays.copyOf(entries[t], 2 * n);
            counts[t] = java.util.Arrays.copyOf(counts[t], 2 * n);
          }
          entries[t][n] = e;
          counts[t][n] = 1;
          sizes[t] = n + 1;
        }
      }
    }
    float[][] increments = new float[vocabulary][];
    for (int t = 0; t < vocabulary; t++) {
      int n = sizes[t];
      entries[t] = n == 0 ? new int[0] : java.util.Arrays.copyOf(entries[t], n);
      counts[t] = n == 0 ? new int[0] : java.util.Arrays.copyOf(counts[t], n);
      increments[t] = new float[n];
      for (int i = 0; i < n; i++) {
        increments[t][i] = (float) Math.log((counts[t][i] + ALPHA) / ALPHA);
      }
    }
    double[] unseen = new double[entryCount];
    for (int e = 0; e < entryCount; e++) {
      unseen[e] = Math.log(ALPHA / (totals[e] + ALPHA * vocabulary));
    }
    return new Field(vocabulary, entries, counts, increments, totals, unseen);
  }

  /**
   * Each entry's posterior probability given the query terms of each field (in the order the
   * classifier was built with), as if {@code excludedDoc} (or nothing, when negative) were not in
   * the content.
   */
  double[] posteriors(QueryTerms[] terms, int excludedDoc) {
    int entryCount = index.entryCount();
    double[] score = new double[entryCount];
    int excludedEntry = excludedDoc < 0 ? -1 : index.entryOfQuestion(excludedDoc);
    for (int f = 0; f < fields.length; f++) {
      Field field = byField[f];
      QueryTerms q = terms[f];
      int size = q.size();
      if (size == 0) {
        continue;
      }
      double[] unseen = field.unseen();
      for (int e = 0; e < entryCount; e++) {
        score[e] += size * unseen[e];
      }
      for (int i = 0; i < size; i++) {
        int id = q.id(i);
        if (id < 0) {
          continue;
        }
        int[] entries = field.entries()[id];
        float[] increments = field.increments()[id];
        for (int k = 0; k < entries.length; k++) {
          score[entries[k]] += increments[k];
        }
      }
      if (excludedEntry >= 0) {
        score[excludedEntry] += withoutQuestion(field, fields[f], q, excludedEntry, excludedDoc) - withQuestion(field, q, excludedEntry);
      }
    }
    double max = Double.NEGATIVE_INFINITY;
    for (double s : score) {
      max = Math.max(max, s);
    }
    double sum = 0;
    for (int e = 0; e < entryCount; e++) {
      // exp(-40) is below a double's precision next to the leader's 1: skip the exponential.
      double d = score[e] - max;
      score[e] = d < -40 ? 0 : Math.exp(d);
      sum += score[e];
    }
    for (int e = 0; e < entryCount; e++) {
      score[e] /= sum;
    }
    return score;
  }

  /** One field's log-likelihood of the entry. */
  private double withQuestion(Field field, QueryTerms q, int entry) {
    double s = q.size() * field.unseen()[entry];
    for (int i = 0; i < q.size(); i++) {
      int id = q.id(i);
      int k = id < 0 ? -1 : java.util.Arrays.binarySearch(field.entries()[id], entry);
      s += k < 0 ? 0 : field.increments()[id][k]; // as the postings sum added it
    }
    return s;
  }

  /** One field's log-likelihood of the entry with one of its questions taken out of the counts. */
  private double withoutQuestion(Field field, String name, QueryTerms q, int entry, int doc) {
    int[] docTerms = index.termsOfQuestion(name, doc); // sorted distinct ids
    double s = q.size() * Math.log(ALPHA / (field.totals()[entry] - docTerms.length + ALPHA * field.vocabulary()));
    for (int i = 0; i < q.size(); i++) {
      int id = q.id(i);
      int count = countOf(field, id, entry);
      if (id >= 0 && java.util.Arrays.binarySearch(docTerms, id) >= 0) {
        count--;
      }
      s += Math.log((count + ALPHA) / ALPHA);
    }
    return s;
  }

  private static int countOf(Field field, int id, int entry) {
    if (id < 0) {
      return 0;
    }
    int k = java.util.Arrays.binarySearch(field.entries()[id], entry);
    return k < 0 ? 0 : field.counts()[id][k];
  }
}
