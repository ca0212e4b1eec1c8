package org.hotline.kb.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hotline.kb.KnowledgeBase;
import org.hotline.kb.content.FaqEntry;
import org.hotline.kb.ranking.Candidate;
import org.hotline.kb.ranking.ConfidenceModel;
import org.hotline.kb.ranking.Features;

/**
 * Fits the {@link ConfidenceModel}, never on the evaluation set:
 *
 * <ol>
 *   <li>the match model, from the content itself: each of its questions is ranked leave-one-out
 *       (as if it were not indexed) and the weights (non-negative, so that a better match never
 *       lowers the score) maximise the softmax probability of its own entry
 *       ({@link #fitMatch}); the development set plays no part, so it measures ranking honestly;
 *   <li>on the development set, the acceptance model, a logistic regression (weights non-negative too) from the leader's
 *       acceptance inputs to whether answering with it is right (in-domain, the expected entry);
 *   <li>the answer threshold that maximises in-domain top-1 accuracy plus out-of-domain
 *       rejection while refusing at least {@link #OUT_OF_DOMAIN_REJECTION} of the out-of-domain
 *       questions; the suggestion threshold is half of it.
 * </ol>
 *
 * Stateless.
 */
public final class Calibrator {
  private static final int NEWTON_ITERATIONS = 50;
  private static final int RANKING_ITERATIONS = 3000;
  private static final double RANKING_RATE = 2.0;
  private static final double L2 = 1e-4;
  /**
   * Share of out-of-domain development questions the answer threshold must refuse: the 90% target
   * plus a margin for the small set (97 questions).
   */
  static final double OUT_OF_DOMAIN_REJECTION = 0.93;

  private Calibrator() {}

  public static ConfidenceModel fit(KnowledgeBase kb, List<EvalQuestion> dev) {
    ConfidenceModel matchOnly = fitMatch(kb);
    // Which of an entry's questions represents it depends on the match model: fit once more with
    // the first model choosing them, then rank the development set with the result.
    KnowledgeBase refined = KnowledgeBase.build(kb.content(), matchOnly);
    matchOnly = fitMatch(refined);
    refined = KnowledgeBase.build(kb.content(), matchOnly);
    List<List<Candidate>> rankings = new ArrayList<>();
    for (EvalQuestion q : dev) {
      rankings.add(refined.rank(refined.normalize(q.question())));
    }

    List<double[]> ax = new ArrayList<>();
    List<Integer> ay = new ArrayList<>();
    List<Candidate[]> leaders = new ArrayList<>();
    for (int i = 0; i < dev.size(); i++) {
      List<Candidate> rescored = new ArrayList<>();
      for (Candidate c : rankings.get(i)) {
        rescored.add(new Candidate(c.entry(), matchOnly.match(c.features()), c.features()));
      }
      rescored.sort(Comparator.comparingDouble(Candidate::confidence).reversed());
      Candidate leader = rescored.isEmpty() ? null : rescored.get(0);
      Candidate runnerUp = rescored.size() > 1 ? rescored.get(1) : null;
      leaders.add(new Candidate[] {leader, runnerUp});
      if (leader != null) {
        ax.add(ConfidenceModel.acceptanceInputs(leader, runnerUp));
        ay.add(isExpected(dev.get(i), leader) ? 1 : 0);
      }
    }
    double[] accept = logistic(ax, ay, true, false);
    ConfidenceModel fitted = new ConfidenceModel(matchOnly.matchBias(), matchOnly.matchWeights(),
        accept[accept.length - 1], java.util.Arrays.copyOf(accept, ConfidenceModel.ACCEPT_SIZE), 0.5, 0.25);
    double threshold = bestThreshold(fitted, dev, leaders);
    return fitted.withThresholds(threshold, threshold / 2);
  }

  /**
   * The match model from leave-one-out rankings of the content's own questions: each question,
   * taken out of the index, is ranked as if a user had asked it. The weights maximise the
   * probability of the question's own entry among the candidates (a softmax over each candidate
   * list, as top-1 is what counts); a one-input logistic regression of the resulting scores then
   * makes them probabilities.
   */
  static ConfidenceModel fitMatch(KnowledgeBase kb) {
    List<double[][]> lists = new ArrayList<>();
    List<Integer> expected = new ArrayList<>();
    List<FaqEntry> entries = kb.content().entries();
    for (int ordinal = 0; ordinal < entries.size(); ordinal++) {
      FaqEntry entry = entries.get(ordinal);
      for (int question = 0; question < entry.allQuestions().size(); question++) {
        List<Candidate> candidates = kb.rankLeavingOut(ordinal, question);
        double[][] x = new double[candidates.size()][];
        int right = -1;
        for (int i = 0; i < x.length; i++) {
          x[i] = candidates.get(i).features().vector();
          if (candidates.get(i).entry().id().equals(entry.id())) {
            right = i;
          }
        }
        if (right >= 0) { // a list without the entry teaches the ranking nothing
          lists.add(x);
          expected.add(right);
        }
      }
    }
    double[] w = softmaxRanking(lists, expected);
    List<double[]> scores = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (int k = 0; k < lists.size(); k++) {
      for (int i = 0; i < lists.get(k).length; i++) {
        scores.add(new double[] {dot(w, lists.get(k)[i])});
        labels.add(i == expected.get(k) ? 1 : 0);
      }
    }
    double[] scale = logistic(scores, labels, true, true);
    double[] weights = new double[w.length];
    for (int j = 0; j < w.length; j++) {
      weights[j] = scale[0] * w[j];
    }
    return new ConfidenceModel(scale[1], weights, 0, new double[ConfidenceModel.ACCEPT_SIZE], 0.5, 0.25);
  }

  /**
   * Non-negative weights that maximise the mean log-probability of the expected candidate under a
   * softmax over its list (L2-regularised), by projected gradient descent.
   */
  static double[] softmaxRanking(List<double[][]> lists, List<Integer> expected) {
    int d = Features.SIZE;
    double[] w = new double[d];
    for (int it = 0; it < RANKING_ITERATIONS; it++) {
      double[] gradient = new double[d];
      for (int k = 0; k < lists.size(); k++) {
        double[][] x = lists.get(k);
        double[] p = new double[x.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
          p[i] = dot(w, x[i]);
          max = Math.max(max, p[i]);
        }
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
          p[i] = Math.exp(p[i] - max);
          sum += p[i];
        }
        for (int i = 0; i < x.length; i++) {
          double err = p[i] / sum - (i == expected.get(k) ? 1 : 0);
          for (int j = 0; j < d; j++) {
            gradient[j] += err * x[i][j];
          }
        }
      }
      for (int j = 0; j < d; j++) {
        w[j] = Math.max(0, w[j] - RANKING_RATE * (gradient[j] / lists.size() + L2 * w[j]));
      }
    }
    return w;
  }

  private static double dot(double[] w, double[] x) {
    double z = 0;
    for (int j = 0; j < w.length; j++) {
      z += w[j] * x[j];
    }
    return z;
  }

  private static boolean isExpected(EvalQuestion q, Candidate c) {
    return q.inDomain() && c.entry().id().equals(q.expected());
  }

  /**
   * The answer threshold that maximises in-domain top-1 accuracy plus out-of-domain rejection on
   * the development set, among those that refuse at least {@link #OUT_OF_DOMAIN_REJECTION} of its
   * out-of-domain questions.
   */
  private static double bestThreshold(ConfidenceModel model, List<EvalQuestion> dev, List<Candidate[]> leaders) {
    double bestT = 0.95;
    double bestScore = -1;
    for (int step = 5; step <= 95; step++) {
      double t = step / 100.0;
      int in = 0, inRight = 0, out = 0, outRejected = 0;
      for (int i = 0; i < dev.size(); i++) {
        Candidate[] l = leaders.get(i);
        double confidence = l[0] == null ? 0 : model.accept(l[0], l[1]);
        if (dev.get(i).inDomain()) {
          in++;
          if (confidence >= t && isExpected(dev.get(i), l[0])) {
            inRight++;
          }
        } else {
          out++;
          if (confidence < t) {
            outRejected++;
          }
        }
      }
      double rejection = (double) outRejected / Math.max(1, out);
      double score = (double) inRight / Math.max(1, in) + rejection;
      if (rejection >= OUT_OF_DOMAIN_REJECTION && score > bestScore) {
        bestScore = score;
        bestT = t;
      }
    }
    return bestT;
  }

  /**
   * Logistic regression by Newton's method (L2-regularised, classes optionally balanced); with
   * {@code nonNegative}, weights that come out negative are fixed at zero and the rest refitted
   * until none is. Returns the weights followed by the bias.
   */
  static double[] logistic(List<double[]> xs, List<Integer> ys, boolean nonNegative, boolean balanced) {
    int d = xs.isEmpty() ? 0 : xs.get(0).length;
    boolean[] active = new boolean[d];
    java.util.Arrays.fill(active, true);
    while (true) {
      double[] w = newton(xs, ys, active, balanced);
      boolean changed = false;
      for (int j = 0; j < d; j++) {
        if (nonNegative && active[j] && w[j] < 0) {
          active[j] = false;
          changed = true;
        }
      }
      if (!changed) {
        return w;
      }
    }
  }

  /** Newton iterations over the active inputs (the others stay zero); weights then bias. */
  private static double[] newton(List<double[]> xs, List<Integer> ys, boolean[] active, boolean balanced) {
    int d = active.length;
    int k = d + 1; // the bias is the last parameter
    double[] beta = new double[k];
    long positives = ys.stream().filter(y -> y == 1).count();
    double posWeight = balanced ? xs.size() / (2.0 * Math.max(1, positives)) : 1;
    double negWeight = balanced ? xs.size() / (2.0 * Math.max(1, xs.size() - positives)) : 1;
    double n = xs.size();
    for (int it = 0; it < NEWTON_ITERATIONS; it++) {
      double[] g = new double[k];
      double[][] h = new double[k][k];
      double[] x1 = new double[k];
      for (int i = 0; i < xs.size(); i++) {
        double[] x = xs.get(i);
        for (int j = 0; j < d; j++) {
          x1[j] = active[j] ? x[j] : 0;
        }
        x1[d] = 1;
        double z = 0;
        for (int j = 0; j < k; j++) {
          z += beta[j] * x1[j];
        }
        double p = 1 / (1 + Math.exp(-z));
        double weight = ys.get(i) == 1 ? posWeight : negWeight;
        double err = weight * (p - ys.get(i)) / n;
        double curvature = weight * p * (1 - p) / n;
        for (int a = 0; a < k; a++) {
          g[a] += err * x1[a];
          for (int b = 0; b <= a; b++) {
            h[a][b] += curvature * x1[a] * x1[b];
          }
        }
      }
      for (int a = 0; a < k; a++) {
        for (int b = 0; b < a; b++) {
          h[b][a] = h[a][b];
        }
      }
      for (int a = 0; a < d; a++) {
        if (active[a]) {
          g[a] += L2 * beta[a];
          h[a][a] += L2;
        } else { // frozen at zero: no gradient, no coupling, unit curvature
          g[a] = 0;
          for (int b = 0; b < k; b++) {
            h[a][b] = 0;
            h[b][a] = 0;
          }
          h[a][a] = 1;
        }
      }
      double[] step = solve(h, g);
      double largest = 0;
      for (int a = 0; a < k; a++) {
        beta[a] -= step[a];
        largest = Math.max(largest, Math.abs(step[a]));
      }
      if (largest < 1e-9) {
        break;
      }
    }
    return beta;
  }

  /** Solves h·x = g by Gaussian elimination with partial pivoting (h is small and positive definite). */
  private static double[] solve(double[][] h, double[] g) {
    int k = g.length;
    double[][] m = new double[k][];
    for (int i = 0; i < k; i++) {
      m[i] = java.util.Arrays.copyOf(h[i], k + 1);
      m[i][k] = g[i];
    }
    for (int col = 0; col < k; col++) {
      int pivot = col;
      for (int r = col + 1; r < k; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
          pivot = r;
        }
      }
      double[] tmp = m[col];
      m[col] = m[pivot];
      m[pivot] = tmp;
      for (int r = col + 1; r < k; r++) {
        double f = m[r][col] / m[col][col];
        for (int c = col; c <= k; c++) {
          m[r][c] -= f * m[col][c];
        }
      }
    }
    double[] x = new double[k];
    for (int r = k - 1; r >= 0; r--) {
      double sum = m[r][k];
      for (int c = r + 1; c < k; c++) {
        sum -= m[r][c] * x[c];
      }
      x[r] = sum / m[r][r];
    }
    return x;
  }
}
