package org.hotline.kb.ranking;

import org.hotline.kb.content.FaqEntry;

/** An entry that matched a query, with its best-matching question's features and the confidence. */
public record Candidate(FaqEntry entry, double confidence, Features features) {}
