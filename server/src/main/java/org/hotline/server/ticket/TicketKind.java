package org.hotline.server.ticket;

import java.util.Locale;

/** Why a ticket exists, with the label agents and reports use. */
public enum TicketKind {
  CONSULTATION("咨询"), COMPLAINT("投诉"), REPORT("举报"), LOST_CARD("挂失"), FRAUD("诈骗");

  private final String label;

  TicketKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @throws IllegalArgumentException for an unknown kind */
  public static TicketKind of(String id) {
    for (TicketKind kind : values()) {
      if (kind.id().equals(id)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown kind '" + id + "'");
  }
}
