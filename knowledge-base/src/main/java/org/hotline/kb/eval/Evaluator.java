package org.hotline.kb.eval;

import java.util.List;
import org.hotline.kb.Answer;
import org.hotline.kb.KnowledgeBase;
import org.hotline.kb.ranking.Candidate;

/** Runs an evaluation set through a knowledge base. Stateless. */
public final class Evaluator {
  private Evaluator() {}

  public static EvalReport evaluate(KnowledgeBase kb, List<EvalQuestion> questions) {
    EvalReport report = new EvalReport();
    for (EvalQuestion q : questions) {
      String normalized = kb.normalize(q.question());
      Answer answer = kb.answerNormalized(normalized);
      String answeredId = answer instanceof Answer.Answered a ? a.entry().id() : null;
      int rank = 0;
      boolean suggested = false;
      if (q.inDomain()) {
        List<Candidate> candidates = kb.rank(normalized);
        for (int i = 0; i < candidates.size(); i++) {
          if (candidates.get(i).entry().id().equals(q.expected())) {
            rank = i + 1;
            break;
          }
        }
        suggested = answer instanceof Answer.DidYouMean
            && answer.suggestions().stream().anyMatch(s -> s.faqId().equals(q.expected()));
      }
      report.add(q, answeredId, rank, suggested);
    }
    return report;
  }
}
