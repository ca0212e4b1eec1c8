package org.hotline.kb.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FeaturesTest {
  @Test
  void dotWeighsEachInputLikeTheVectorDoes() {
    Random random = new Random(7);
    for (int trial = 0; trial < 100; trial++) {
      double[] x = new double[Features.SIZE];
      double[] w = new double[Features.SIZE];
      for (int i = 0; i < Features.SIZE; i++) {
        x[i] = random.nextDouble();
        w[i] = random.nextGaussian();
      }
      Features features = new Features(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8], x[9],
          x[10], x[11], x[12], x[13], x[14], x[15]);
      double expected = 0;
      double[] vector = features.vector();
      for (int i = 0; i < Features.SIZE; i++) {
        assertEquals(x[i], vector[i]);
        expected += w[i] * vector[i];
      }
      assertEquals(expected, features.dot(w));
    }
  }
}
