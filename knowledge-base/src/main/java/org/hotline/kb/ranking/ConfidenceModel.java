package org.hotline.kb.ranking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Logistic model turning {@link Features} into the probability that a candidate is the right
 * answer, plus the two thresholds that split answers, "did you mean" suggestions and refusals.
 * Weights are fitted on the development set by {@code Calibrator} and shipped as
 * {@code /calibration.json}. Immutable; thread-safe.
 *
 * @param weights one weight per feature, in {@link Features#vector()} order
 * @param answerThreshold confidence at or above which the top candidate is answered
 * @param suggestThreshold confidence at or above which a candidate is offered as a suggestion
 */
public record ConfidenceModel(
    double bias, double[] weights, double answerThreshold, double suggestThreshold) {

  public ConfidenceModel {
    if (weights.length != Features.SIZE) {
      throw new IllegalArgumentException("expected " + Features.SIZE + " weights");
    }
    weights = weights.clone();
    if (!(suggestThreshold <= answerThreshold)) {
      throw new IllegalArgumentException("suggestThreshold must not exceed answerThreshold");
    }
  }

  public double confidence(Features features) {
    double[] x = features.vector();
    double z = bias;
    for (int i = 0; i < x.length; i++) {
      z += weights[i] * x[i];
    }
    return 1 / (1 + Math.exp(-z));
  }

  public ConfidenceModel withThresholds(double answer, double suggest) {
    return new ConfidenceModel(bias, weights, answer, suggest);
  }

  /** The model shipped in the jar. */
  public static ConfidenceModel bundled() {
    try (InputStream in = ConfidenceModel.class.getResourceAsStream("/calibration.json")) {
      if (in == null) {
        throw new IllegalStateException("calibration.json missing from the classpath");
      }
      return fromJson(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ConfidenceModel fromJson(JsonNode node) {
    double[] weights = new double[Features.SIZE];
    JsonNode w = node.path("weights");
    for (int i = 0; i < weights.length; i++) {
      weights[i] = w.path(i).asDouble();
    }
    return new ConfidenceModel(
        node.path("bias").asDouble(),
        weights,
        node.path("answerThreshold").asDouble(),
        node.path("suggestThreshold").asDouble());
  }

  public String toJson() {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode node = mapper.createObjectNode();
    node.put("bias", bias);
    node.set("weights", mapper.valueToTree(weights));
    node.put("answerThreshold", answerThreshold);
    node.put("suggestThreshold", suggestThreshold);
    node.put("features", "pinyinCoverage, bigramCoverage, wordCoverage, pinyinPrecision, relativeScore, vocabularyCoverage, evidence");
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "ConfidenceModel[bias=" + bias + ", weights=" + Arrays.toString(weights)
        + ", answer>=" + answerThreshold + ", suggest>=" + suggestThreshold + "]";
  }
}
