package org.hotline.server.ticket.deadline;

/** Where a ticket stands against its deadline, as shown on the complaint ledger. */
public enum DueState {
  /** Due time is further away than the policy's due-soon window. */
  OK,
  /** Within the due-soon window, not yet overdue. */
  DUE_SOON,
  /** Past the due time and still open. */
  OVERDUE,
  /** Waiting for the customer; the clock is stopped. */
  PAUSED,
  /** Finished; the deadline no longer matters. */
  DONE
}
