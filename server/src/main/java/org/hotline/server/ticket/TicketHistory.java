package org.hotline.server.ticket;

import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.server.store.Sql;

/** The ledger of every change to a ticket: who, when, what. Append-only. Stateless. */
final class TicketHistory {
  /** One change. */
  record Entry(long at, String actor, String action, String detail) {
    Map<String, Object> view() {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("at", Instant.ofEpochMilli(at).toString());
      view.put("actor", actor);
      view.put("action", action);
      view.put("detail", detail);
      return view;
    }
  }

  private TicketHistory() {}

  static void record(Sql sql, String ticketId, long at, String actor, String action, String detail)
      throws SQLException {
    long seq = sql.count("SELECT coalesce(max(seq), 0) + 1 FROM ticket_history WHERE ticket_id = ?", ticketId);
    sql.update("INSERT INTO ticket_history (ticket_id, seq, changed_at, actor, action, detail) VALUES (?, ?, ?, ?, ?, ?)",
        ticketId, (int) seq, at, actor, action, detail);
  }

  static List<Entry> of(Sql sql, String ticketId) throws SQLException {
    return sql.list("SELECT changed_at, actor, action, detail FROM ticket_history WHERE ticket_id = ? ORDER BY seq",
        rs -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)), ticketId);
  }
}
