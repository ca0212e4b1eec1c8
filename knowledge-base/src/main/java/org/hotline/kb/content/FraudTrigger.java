package org.hotline.kb.content;

import static java.util.Objects.requireNonNull;

/**
 * A phrase that marks a fraud scenario in progress (安全账户, 刷单, ...) and the fraud entry that
 * must answer it. Immutable.
 */
public record FraudTrigger(String phrase, String faqId) {
  public FraudTrigger {
    requireNonNull(phrase, "phrase");
    requireNonNull(faqId, "faqId");
  }
}
