package org.hotline.server.ticket;

import java.util.Locale;

/** A ticket's life: new → assigned → in progress ⇄ waiting for customer → resolved → closed; reopen. */
public enum TicketStatus {
  NEW, ASSIGNED, IN_PROGRESS, WAITING_CUSTOMER, RESOLVED, CLOSED;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean done() {
    return this == RESOLVED || this == CLOSED;
  }

  /** @throws IllegalArgumentException for an unknown status */
  public static TicketStatus of(String id) {
    for (TicketStatus status : values()) {
      if (status.id().equals(id)) {
        return status;
      }
    }
    throw new IllegalArgumentException("unknown status '" + id + "'");
  }
}
