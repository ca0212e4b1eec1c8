package org.hotline.kb.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hotline.kb.KnowledgeBase;
import org.hotline.kb.ranking.Candidate;
import org.hotline.kb.ranking.ConfidenceModel;
import org.hotline.kb.ranking.Features;

/**
 * Fits the {@link ConfidenceModel} on a development set, never on the evaluation set:
 *
 * <ol>
 *   <li>the match model, a logistic regression from every candidate's features to whether it is
 *       the expected entry (all candidates of an out-of-domain question are negatives), classes
 *       balanced, weights kept non-negative so that a better match never lowers the score;
 *   <li>the acceptance model, a logistic regression (weights non-negative too) from the leader's
 *       acceptance inputs to whether answering with it is right (in-domain, the expected entry);
 *   <li>the answer threshold that maximises in-domain top-1 accuracy plus out-of-domain
 *       rejection while refusing at least {@link #OUT_OF_DOMAIN_REJECTION} of the out-of-domain
 *       questions; the suggestion threshold is half of it.
 * </ol>
 *
 * Stateless.
 */
public final class Calibrator {
  private static final int ITERATIONS = 20_000;
  private static final double LEARNING_RATE = 0.5;
  private static final double L2 = 1e-4;
  /**
   * Share of out-of-domain development questions the answer threshold must refuse: the 90% target
   * plus a margin for the small set (55 questions).
   */
  static final double OUT_OF_DOMAIN_REJECTION = 0.93;

  private Calibrator() {}

  public static ConfidenceModel fit(KnowledgeBase kb, List<EvalQuestion> dev) {
    List<List<Candidate>> rankings = new ArrayList<>();
    List<double[]> xs = new ArrayList<>();
    List<Integer> ys = new ArrayList<>();
    for (EvalQuestion q : dev) {
      List<Candidate> candidates = kb.rank(kb.normalize(q.question()));
      rankings.add(candidates);
      for (Candidate c : candidates) {
        xs.add(c.features().vector());
        ys.add(isExpected(q, c) ? 1 : 0);
      }
    }
    double[] match = logistic(xs, ys, true, true);
    ConfidenceModel matchOnly = new ConfidenceModel(match[match.length - 1],
        java.util.Arrays.copyOf(match, Features.SIZE), 0, new double[ConfidenceModel.ACCEPT_SIZE], 0.5, 0.25);

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

  /** Gradient-descent logistic regression; returns the weights followed by the bias. */
  static double[] logistic(List<double[]> xs, List<Integer> ys, boolean nonNegative, boolean balanced) {
    int d = xs.isEmpty() ? 0 : xs.get(0).length;
    double[] w = new double[d];
    double b = 0;
    long positives = ys.stream().filter(y -> y == 1).count();
    double posWeight = balanced ? xs.size() / (2.0 * Math.max(1, positives)) : 1;
    double negWeight = balanced ? xs.size() / (2.0 * Math.max(1, xs.size() - positives)) : 1;
    for (int it = 0; it < ITERATIONS; it++) {
      double[] gw = new double[d];
      double gb = 0;
      double norm = 0;
      for (int i = 0; i < xs.size(); i++) {
        double[] x = xs.get(i);
        double z = b;
        for (int j = 0; j < d; j++) {
          z += w[j] * x[j];
        }
        double p = 1 / (1 + Math.exp(-z));
        double weight = ys.get(i) == 1 ? posWeight : negWeight;
        double err = weight * (p - ys.get(i));
        for (int j = 0; j < d; j++) {
          gw[j] += err * x[j];
        }
        gb += err;
        norm += weight;
      }
      for (int j = 0; j < d; j++) {
        double next = w[j] - LEARNING_RATE * (gw[j] / norm + L2 * w[j]);
        w[j] = nonNegative ? Math.max(0, next) : next;
      }
      b -= LEARNING_RATE * gb / norm;
    }
    double[] out = java.util.Arrays.copyOf(w, d + 1);
    out[d] = b;
    return out;
  }
}
