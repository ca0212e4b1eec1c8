package org.hotline.kb.ranking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Two logistic models and two thresholds, fitted on the development set by {@code Calibrator} and
 * shipped as {@code /calibration.json}:
 *
 * <ul>
 *   <li>the match model turns a candidate's {@link Features} into the probability that it is the
 *       entry asked about, which ranks the candidates;
 *   <li>the acceptance model turns the leader's match, its margin over the runner-up and how much
 *       of the query the content explains into the probability that answering with the leader is
 *       right: the confidence reported, compared with the thresholds to answer, suggest or refuse.
 * </ul>
 *
 * Immutable; thread-safe.
 */
public record ConfidenceModel(
    double matchBias, double[] matchWeights,
    double acceptBias, double[] acceptWeights,
    double answerThreshold, double suggestThreshold) {

  /** Inputs of the acceptance model, in order. */
  public static final int ACCEPT_SIZE = 8;

  public ConfidenceModel {
    if (matchWeights.length != Features.SIZE || acceptWeights.length != ACCEPT_SIZE) {
      throw new IllegalArgumentException(
          "expected " + Features.SIZE + " match and " + ACCEPT_SIZE + " acceptance weights");
    }
    matchWeights = matchWeights.clone();
    acceptWeights = acceptWeights.clone();
    if (!(suggestThreshold <= answerThreshold)) {
      throw new IllegalArgumentException("suggestThreshold must not exceed answerThreshold");
    }
  }

  /** Probability that a candidate with these features is the entry asked about. */
  public double match(Features features) {
    return sigmoid(matchBias + features.dot(matchWeights));
  }

  /**
   * The part of the match model's sum that varies between one entry's questions: the inputs
   * other than these are the entry's own, so the question with the largest part is the entry's
   * best match.
   */
  public double questionPart(double pinyinCoverage, double bigramCoverage, double wordCoverage,
      double pinyinPrecision, double evidence, double charCoverage) {
    double[] w = matchWeights;
    return w[0] * pinyinCoverage + w[1] * bigramCoverage + w[2] * wordCoverage
        + w[3] * pinyinPrecision + w[6] * evidence + w[7] * charCoverage;
  }

  /** Whether the match model gives the input at this position of {@link Features#vector()} any weight. */
  public boolean weighs(int feature) {
    return matchWeights[feature] != 0;
  }

  /** Probability that answering with the leader is right. */
  public double accept(Candidate leader, Candidate runnerUp) {
    return sigmoid(acceptBias + dot(acceptWeights, acceptanceInputs(leader, runnerUp)));
  }

  /**
   * The acceptance model's inputs: the leader's match logit and its lead over the runner-up's
   * (both divided by 10), the leader's evidence and vocabulary coverage, and the spread: how much
   * more of the query the entry as a whole explains than its best question alone (a paraphrase
   * tends to draw on several of an entry's wordings; a chance match sits in one), the leader's
   * pinyin precision (how much of its best question the caller said), and how much of the query the
   * content knows at all.
   */
  public static double[] acceptanceInputs(Candidate leader, Candidate runnerUp) {
    double lead = logit(leader.confidence());
    double margin = runnerUp == null ? 10 : lead - logit(runnerUp.confidence());
    Features f = leader.features();
    return new double[] {
      lead / 10, Math.min(margin, 10) / 10, f.evidence(), f.vocabularyCoverage(),
      Math.max(0, f.vocabularyCoverage() - f.pinyinCoverage()), f.pinyinPrecision(), f.queryKnown(),
      f.classifierPosterior()
    };
  }

  public ConfidenceModel withThresholds(double answer, double suggest) {
    return new ConfidenceModel(matchBias, matchWeights, acceptBias, acceptWeights, answer, suggest);
  }

  private static double dot(double[] w, double[] x) {
    double z = 0;
    for (int i = 0; i < x.length; i++) {
      z += w[i] * x[i];
    }
    return z;
  }

  static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  static double logit(double p) {
    double q = Math.min(1 - 1e-9, Math.max(1e-9, p));
    return Math.log(q / (1 - q));
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
    return new ConfidenceModel(
        node.path("match").path("bias").asDouble(), doubles(node.path("match").path("weights")),
        node.path("accept").path("bias").asDouble(), doubles(node.path("accept").path("weights")),
        node.path("answerThreshold").asDouble(),
        node.path("suggestThreshold").asDouble());
  }

  private static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }

  public String toJson() {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode node = mapper.createObjectNode();
    ObjectNode match = node.putObject("match");
    match.put("bias", matchBias);
    match.set("weights", mapper.valueToTree(matchWeights));
    match.put("inputs", "pinyinCoverage, bigramCoverage, wordCoverage, pinyinPrecision, "
        + "relativeScore, vocabularyCoverage, evidence, charCoverage, charVocabularyCoverage, "
        + "wordVocabularyCoverage, agreement, answerRelative, bigramVocabularyCoverage, questionRelative, "
        + "queryKnown, classifierPosterior");
    ObjectNode accept = node.putObject("accept");
    accept.put("bias", acceptBias);
    accept.set("weights", mapper.valueToTree(acceptWeights));
    accept.put("inputs", "leaderLogit/10, leadOverRunnerUp/10, evidence, vocabularyCoverage, spread, "
        + "pinyinPrecision, queryKnown, classifierPosterior");
    node.put("answerThreshold", answerThreshold);
    node.put("suggestThreshold", suggestThreshold);
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "ConfidenceModel[match=" + matchBias + " " + Arrays.toString(matchWeights)
        + ", accept=" + acceptBias + " " + Arrays.toString(acceptWeights)
        + ", answer>=" + answerThreshold + ", suggest>=" + suggestThreshold + "]";
  }
}
