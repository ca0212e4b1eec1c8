package org.hotline.kb;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.hotline.kb.analysis.QuestionNormalizer;
import org.hotline.kb.analysis.SynonymCanonicalizer;
import org.hotline.kb.analysis.TextAnalysis;
import org.hotline.kb.content.FaqEntry;
import org.hotline.kb.content.FraudTrigger;
import org.hotline.kb.content.KnowledgeBaseContent;
import org.hotline.kb.index.FaqIndex;
import org.hotline.kb.ranking.Candidate;
import org.hotline.kb.ranking.CandidateRanker;
import org.hotline.kb.ranking.ConfidenceModel;
import org.hotline.kb.ranking.FraudGuard;

/**
 * Answers Chinese questions from one version of the content: normalise, rank candidates, then
 * answer, suggest or refuse by confidence; fraud scenarios always get a fraud warning.
 * Immutable; thread-safe.
 */
public final class KnowledgeBase {
  private static final int MAX_SUGGESTIONS = 3;

  private final KnowledgeBaseContent content;
  private final QuestionNormalizer normalizer;
  private final CandidateRanker ranker;
  private final FraudGuard fraudGuard;

  private KnowledgeBase(KnowledgeBaseContent content, ConfidenceModel model) {
    this.content = requireNonNull(content, "content");
    this.normalizer = new QuestionNormalizer(new SynonymCanonicalizer(content.synonymGroups()));
    this.ranker = new CandidateRanker(new FaqIndex(content, normalizer, new TextAnalysis()), model);
    this.fraudGuard = new FraudGuard(content.fraudTriggers(), normalizer::normalize);
  }

  /** Builds the index for the content; takes about a second for a few hundred entries. */
  public static KnowledgeBase build(KnowledgeBaseContent content, ConfidenceModel model) {
    return new KnowledgeBase(content, model);
  }

  public KnowledgeBaseContent content() {
    return content;
  }

  public ConfidenceModel model() {
    return ranker.model();
  }

  /** The normalised form of a question: what is matched, and the key answers are cached under. */
  public String normalize(String question) {
    return normalizer.normalize(question);
  }

  public Answer answer(String question) {
    return answerNormalized(normalize(question));
  }

  /** Candidates for a normalised question, most confident first. */
  public List<Candidate> rank(String normalized) {
    return ranker.rank(normalized);
  }

  /**
   * Candidates for one of the content's own questions (the {@code question}th of the entry at
   * {@code ordinal}: 0 is the canonical question, then the alternates) as if it were not indexed:
   * leave-one-out calibration data.
   */
  public List<Candidate> rankLeavingOut(int ordinal, int question) {
    FaqEntry entry = content.entries().get(ordinal);
    return ranker.rankLeavingOut(normalize(entry.allQuestions().get(question)),
        ranker.questionDocument(ordinal, question));
  }

  public Answer answerNormalized(String normalized) {
    List<Candidate> candidates = ranker.rank(normalized);
    ConfidenceModel model = ranker.model();
    Optional<FraudTrigger> fraud = fraudGuard.detect(normalized);
    if (fraud.isPresent()) {
      return fraudWarning(fraud.get(), candidates, model);
    }
    if (candidates.isEmpty()) {
      return new Answer.NotFound(0);
    }
    Candidate top = candidates.get(0);
    double confidence = model.accept(top, candidates.size() > 1 ? candidates.get(1) : null);
    if (confidence >= model.answerThreshold()) {
      return new Answer.Answered(top.entry(), confidence, false, suggestions(candidates, 1, model));
    }
    if (confidence >= model.suggestThreshold()) {
      return new Answer.DidYouMean(confidence, suggestions(candidates, 0, model));
    }
    List<Candidate> covering = ranker.coveringShortQuery(normalized, candidates);
    if (!covering.isEmpty()) {
      return new Answer.DidYouMean(confidence, covering.stream()
          .limit(MAX_SUGGESTIONS).map(Answer.Suggestion::of).toList());
    }
    return new Answer.NotFound(confidence);
  }

  /** The most confident fraud entry among the candidates, else the one the trigger names. */
  private Answer fraudWarning(FraudTrigger trigger, List<Candidate> candidates, ConfidenceModel model) {
    for (int i = 0; i < candidates.size(); i++) {
      Candidate c = candidates.get(i);
      if (c.entry().category().equals("fraud") && c.confidence() >= model.suggestThreshold()) {
        double confidence = Math.max(c.confidence(), model.answerThreshold());
        List<Candidate> others = new java.util.ArrayList<>(candidates);
        others.remove(i);
        return new Answer.Answered(c.entry(), confidence, true, suggestions(others, 0, model));
      }
    }
    FaqEntry entry = content.entry(trigger.faqId()).orElseThrow();
    return new Answer.Answered(entry, model.answerThreshold(), true, suggestions(candidates, 0, model));
  }

  private static List<Answer.Suggestion> suggestions(
      List<Candidate> candidates, int from, ConfidenceModel model) {
    return candidates.stream()
        .skip(from)
        .filter(c -> c.confidence() >= model.suggestThreshold())
        .limit(MAX_SUGGESTIONS)
        .map(Answer.Suggestion::of)
        .toList();
  }
}
