package org.hotline.kb.ranking;

import org.hotline.kb.content.FaqEntry;

/**
 * An entry that matched a query, with its best-matching question's features.
 *
 * @param confidence the match model's probability that this is the entry asked about
 */
public record Candidate(FaqEntry entry, double confidence, Features features) {}
