package org.hotline.kb;

import java.util.List;
import org.hotline.kb.content.FaqEntry;

/** What the knowledge base says to a question: an answer, "did you mean" suggestions, or nothing. */
public sealed interface Answer {

  /** Probability in [0,1] that the best candidate is the right answer. */
  double confidence();

  /** Other entries worth offering (for {@link DidYouMean}, the point of the answer); at most 3. */
  List<Suggestion> suggestions();

  /**
   * @param fraudWarning the question describes a fraud scenario and the answer warns about it
   */
  record Answered(FaqEntry entry, double confidence, boolean fraudWarning, List<Suggestion> suggestions)
      implements Answer {
    public Answered {
      suggestions = List.copyOf(suggestions);
    }
  }

  record DidYouMean(double confidence, List<Suggestion> suggestions) implements Answer {
    public DidYouMean {
      suggestions = List.copyOf(suggestions);
    }
  }

  record NotFound(double confidence) implements Answer {
    @Override
    public List<Suggestion> suggestions() {
      return List.of();
    }
  }

  /** An entry offered by its canonical question. */
  record Suggestion(String faqId, String question, double confidence) {
    static Suggestion of(org.hotline.kb.ranking.Candidate c) {
      return new Suggestion(c.entry().id(), c.entry().question(), c.confidence());
    }
  }
}
