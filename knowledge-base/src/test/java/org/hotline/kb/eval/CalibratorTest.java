package org.hotline.kb.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hotline.kb.ranking.Features;
import org.junit.jupiter.api.Test;

class CalibratorTest {

  @Test
  void softmaxRankingWeighsTheInputThatPicksTheRightCandidateAndNeverGoesNegative() {
    Random random = new Random(7);
    List<double[][]> lists = new ArrayList<>();
    List<Integer> expected = new ArrayList<>();
    for (int k = 0; k < 400; k++) {
      double[][] x = new double[5][Features.SIZE];
      int right = random.nextInt(5);
      for (int i = 0; i < 5; i++) {
        x[i][0] = i == right ? 0.6 + 0.4 * random.nextDouble() : 0.5 * random.nextDouble();
        x[i][1] = random.nextDouble(); // noise
        x[i][2] = i == right ? 0 : 1; // points away from the answer: must stay at zero
      }
      lists.add(x);
      expected.add(right);
    }
    double[] w = Calibrator.softmaxRanking(lists, expected);
    assertTrue(w[0] > 1, "informative input weighted: " + w[0]);
    assertTrue(w[0] > 5 * w[1], "noise weighted less: " + w[1]);
    assertEquals(0, w[2], 0, "a misleading input is clamped at zero");
  }

  @Test
  void newtonLogisticRecoversAKnownModel() {
    Random random = new Random(11);
    List<double[]> xs = new ArrayList<>();
    List<Integer> ys = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      double a = random.nextGaussian();
      double b = random.nextGaussian();
      double p = 1 / (1 + Math.exp(-(2 * a - 1 * b + 0.5)));
      xs.add(new double[] {a, b});
      ys.add(random.nextDouble() < p ? 1 : 0);
    }
    double[] free = Calibrator.logistic(xs, ys, false, false);
    assertEquals(2, free[0], 0.15);
    assertEquals(-1, free[1], 0.15);
    assertEquals(0.5, free[2], 0.15);
    double[] nonNegative = Calibrator.logistic(xs, ys, true, false);
    assertEquals(0, nonNegative[1], 0);
    assertTrue(nonNegative[0] > 1, "the positive weight survives: " + nonNegative[0]);
  }
}
