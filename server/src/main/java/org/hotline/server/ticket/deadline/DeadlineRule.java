package org.hotline.server.ticket.deadline;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * One time limit and the tickets it applies to. {@code kind} and {@code faqCategory} match a
 * ticket's values exactly, or anything when {@code "*"}. Immutable; thread-safe.
 *
 * @param id stable identifier, e.g. {@code complaint-credit-report}
 * @param name Chinese label shown to agents, stating the limit
 * @param acceptDays days to accept or refuse the ticket; 0 when there is no acceptance step
 * @param resolveDays days to resolve, counted from receipt, or from acceptance when there is one
 * @param unit how the days are counted
 * @param source the regulation, or a note that the limit is an internal service level
 * @param kind ticket kind: consultation, complaint, report, lost_card, fraud, or {@code "*"}
 * @param faqCategory knowledge-base category such as {@code credit-report}, or {@code "*"}
 */
public record DeadlineRule(
    String id,
    String name,
    int acceptDays,
    int resolveDays,
    DayUnit unit,
    String source,
    String kind,
    String faqCategory) {
  public static final String ANY = "*";
  public static final Set<String> KINDS =
      Set.of("consultation", "complaint", "report", "lost_card", "fraud");

  public DeadlineRule {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(unit, "unit");
    requireNonNull(source, "source");
    requireNonNull(kind, "kind");
    requireNonNull(faqCategory, "faqCategory");
    if (id.isBlank() || name.isBlank() || source.isBlank() || faqCategory.isBlank()) {
      throw new IllegalArgumentException("id, name, source and faqCategory must not be blank");
    }
    if (!kind.equals(ANY) && !KINDS.contains(kind)) {
      throw new IllegalArgumentException("unknown kind \"" + kind + "\"; expected one of "
          + KINDS + " or \"*\"");
    }
    if (acceptDays < 0) {
      throw new IllegalArgumentException("acceptDays must not be negative: " + acceptDays);
    }
    if (resolveDays < 1) {
      throw new IllegalArgumentException("resolveDays must be at least 1: " + resolveDays);
    }
  }

  /** Whether the rule applies; a missing (null) value is matched only by {@code "*"}. */
  public boolean matches(String ticketKind, String ticketFaqCategory) {
    return accepts(kind, ticketKind) && accepts(faqCategory, ticketFaqCategory);
  }

  public boolean isCatchAll() {
    return kind.equals(ANY) && faqCategory.equals(ANY);
  }

  public boolean hasAcceptanceStep() {
    return acceptDays > 0;
  }

  private static boolean accepts(String pattern, String value) {
    return pattern.equals(ANY) || pattern.equals(value);
  }
}
