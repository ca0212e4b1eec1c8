package org.hotline.server.ticket;

import java.math.BigDecimal;

/**
 * A ticket as stored. Times are epoch milliseconds; {@code dueAt} is when the rule's decision or
 * resolution is due, {@code acceptDueAt} when acceptance is due (rules with that step only).
 * Immutable.
 */
public record Ticket(
    String id, String number, String conversationId, String channel, TicketKind kind, String faqCategory,
    Priority priority, TicketStatus status, String ownerId, String ownerUsername, String ownerName,
    String summary, String facts, BigDecimal amountDisputed, BigDecimal amountRecovered, String resolution,
    String reportCategory, String ruleId, long createdAt, Long acceptDueAt, Long acceptedAt, long dueAt,
    Long pausedAt, Long resolvedAt, Long closedAt, int escalationLevel) {

  /** The due time that matters now: acceptance while not yet accepted, else resolution. */
  public long effectiveDueAt() {
    if (acceptDueAt != null && acceptedAt == null) {
      return Math.min(acceptDueAt, dueAt);
    }
    return dueAt;
  }
}
