package org.hotline.server.ticket;

import java.util.Locale;

/** Queue order: urgent tickets (fraud in progress, lost or stolen cards) before normal ones. */
public enum Priority {
  URGENT, NORMAL;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
