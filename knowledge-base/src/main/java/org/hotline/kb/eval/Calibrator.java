package org.hotline.kb.eval;

import java.util.ArrayList;
import java.util.List;
import org.hotline.kb.KnowledgeBase;
import org.hotline.kb.ranking.Candidate;
import org.hotline.kb.ranking.ConfidenceModel;
import org.hotline.kb.ranking.Features;

/**
 * Fits the {@link ConfidenceModel} on a development set: a logistic regression, with weights kept
 * non-negative so that confidence only rises with a better match, from each candidate's features
 * to whether it is the expected entry (every candidate of an out-of-domain
 * question is a negative), then the answer threshold that best balances in-domain accuracy with
 * out-of-domain rejection; the suggestion threshold is half of it. Never run it on the evaluation
 * set. Stateless.
 */
public final class Calibrator {
  private static final int ITERATIONS = 20_000;
  private static final double LEARNING_RATE = 0.5;
  private static final double L2 = 1e-4;

  private Calibrator() {}

  public static ConfidenceModel fit(KnowledgeBase kb, List<EvalQuestion> dev) {
    List<double[]> xs = new ArrayList<>();
    List<Integer> ys = new ArrayList<>();
    for (EvalQuestion q : dev) {
      for (Candidate c : kb.rank(kb.normalize(q.question()))) {
        xs.add(c.features().vector());
        ys.add(q.inDomain() && c.entry().id().equals(q.expected()) ? 1 : 0);
      }
    }
    double[] w = new double[Features.SIZE];
    double b = 0;
    long positives = ys.stream().filter(y -> y == 1).count();
    // Balance the classes: there are several wrong candidates for every right one.
    double posWeight = xs.size() / (2.0 * Math.max(1, positives));
    double negWeight = xs.size() / (2.0 * Math.max(1, xs.size() - positives));
    for (int it = 0; it < ITERATIONS; it++) {
      double[] gw = new double[w.length];
      double gb = 0;
      double norm = 0;
      for (int i = 0; i < xs.size(); i++) {
        double[] x = xs.get(i);
        double z = b;
        for (int j = 0; j < w.length; j++) {
          z += w[j] * x[j];
        }
        double p = 1 / (1 + Math.exp(-z));
        double weight = ys.get(i) == 1 ? posWeight : negWeight;
        double err = weight * (p - ys.get(i));
        for (int j = 0; j < w.length; j++) {
          gw[j] += err * x[j];
        }
        gb += err;
        norm += weight;
      }
      for (int j = 0; j < w.length; j++) {
        // Projected onto w >= 0: a better match must never lower the confidence.
        w[j] = Math.max(0, w[j] - LEARNING_RATE * (gw[j] / norm + L2 * w[j]));
      }
      b -= LEARNING_RATE * gb / norm;
    }
    ConfidenceModel fitted = new ConfidenceModel(b, w, 0.5, 0.25);
    double threshold = bestThreshold(fitted, kb, dev);
    return fitted.withThresholds(threshold, threshold / 2);
  }

  /** The answer threshold maximising in-domain top-1 accuracy plus out-of-domain rejection. */
  private static double bestThreshold(ConfidenceModel model, KnowledgeBase kb, List<EvalQuestion> dev) {
    List<double[]> outcomes = new ArrayList<>(); // {top confidence, correct?, in-domain?}
    for (EvalQuestion q : dev) {
      Candidate best = null;
      double bestConfidence = -1;
      for (Candidate c : kb.rank(kb.normalize(q.question()))) {
        double confidence = model.confidence(c.features());
        if (confidence > bestConfidence) {
          bestConfidence = confidence;
          best = c;
        }
      }
      boolean correct = best != null && q.inDomain() && best.entry().id().equals(q.expected());
      outcomes.add(new double[] {bestConfidence, correct ? 1 : 0, q.inDomain() ? 1 : 0});
    }
    double bestT = 0.5;
    double bestScore = -1;
    for (int step = 5; step <= 95; step++) {
      double t = step / 100.0;
      int in = 0, inRight = 0, out = 0, outRejected = 0;
      for (double[] o : outcomes) {
        if (o[2] == 1) {
          in++;
          if (o[0] >= t && o[1] == 1) inRight++;
        } else {
          out++;
          if (o[0] < t) outRejected++;
        }
      }
      double score = (double) inRight / Math.max(1, in) + (double) outRejected / Math.max(1, out);
      if (score > bestScore) {
        bestScore = score;
        bestT = t;
      }
    }
    return bestT;
  }
}
