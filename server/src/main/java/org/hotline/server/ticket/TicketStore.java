package org.hotline.server.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.hotline.server.store.Sql;

/** SQL for tickets, run inside the caller's transaction. Stateless; thread-safe. */
final class TicketStore {
  private static final String COLUMNS = "t.id, t.number, t.conversation_id, t.channel, t.kind, t.faq_category,"
      + " t.priority, t.status, t.owner_id, a.username AS owner_username, a.display_name AS owner_name, t.summary,"
      + " t.facts, t.amount_disputed, t.amount_recovered, t.resolution, t.report_category, t.rule_id, t.created_at,"
      + " t.accept_due_at, t.accepted_at, t.due_at, t.paused_at, t.resolved_at, t.closed_at, t.escalation_level";
  static final String FROM = " FROM tickets t LEFT JOIN agents a ON a.id = t.owner_id";

  void insert(Sql sql, Ticket t, long now) throws SQLException {
    sql.update("INSERT INTO tickets (id, number, conversation_id, channel, kind, faq_category, priority, status,"
            + " owner_id, summary, facts, amount_disputed, amount_recovered, resolution, report_category, rule_id,"
            + " created_at, accept_due_at, accepted_at, due_at, paused_at, resolved_at, closed_at, escalation_level,"
            + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        t.id(), t.number(), t.conversationId(), t.channel(), t.kind().id(), t.faqCategory(), t.priority().ordinal(),
        t.status().id(), t.ownerId(), t.summary(), t.facts(), t.amountDisputed(), t.amountRecovered(),
        t.resolution(), t.reportCategory(), t.ruleId(), t.createdAt(), t.acceptDueAt(), t.acceptedAt(), t.dueAt(),
        t.pausedAt(), t.resolvedAt(), t.closedAt(), t.escalationLevel(), now);
  }

  Optional<Ticket> find(Sql sql, String id) throws SQLException {
    return sql.one("SELECT " + COLUMNS + FROM + " WHERE t.id = ?", TicketStore::ticket, id);
  }

  /** Locks the ticket's row until the transaction ends, then reads it. */
  Optional<Ticket> lock(Sql sql, String id) throws SQLException {
    if (sql.list("SELECT id FROM tickets WHERE id = ? FOR UPDATE", rs -> rs.getString(1), id).isEmpty()) {
      return Optional.empty();
    }
    return find(sql, id);
  }

  List<Ticket> list(Sql sql, String where, Object... args) throws SQLException {
    return sql.list("SELECT " + COLUMNS + FROM + " WHERE " + where, TicketStore::ticket, args);
  }

  /** Tickets waiting in the queue ahead of this one (higher priority, or same and older), plus one. */
  int queuePosition(Sql sql, Ticket t) throws SQLException {
    return 1 + (int) sql.count("SELECT count(*) FROM tickets WHERE status = 'new' AND owner_id IS NULL AND id <> ?"
            + " AND (priority < ? OR (priority = ? AND created_at <= ?))",
        t.id(), t.priority().ordinal(), t.priority().ordinal(), t.createdAt());
  }

  static Ticket ticket(ResultSet rs) throws SQLException {
    return new Ticket(rs.getString("id"), rs.getString("number"), rs.getString("conversation_id"),
        rs.getString("channel"), TicketKind.of(rs.getString("kind")), rs.getString("faq_category"),
        Priority.values()[rs.getInt("priority")], TicketStatus.of(rs.getString("status")), rs.getString("owner_id"),
        rs.getString("owner_username"), rs.getString("owner_name"), rs.getString("summary"), rs.getString("facts"),
        rs.getBigDecimal("amount_disputed"), rs.getBigDecimal("amount_recovered"), rs.getString("resolution"),
        rs.getString("report_category"), rs.getString("rule_id"), rs.getLong("created_at"),
        Sql.nullableLong(rs, "accept_due_at"), Sql.nullableLong(rs, "accepted_at"), rs.getLong("due_at"),
        Sql.nullableLong(rs, "paused_at"), Sql.nullableLong(rs, "resolved_at"), Sql.nullableLong(rs, "closed_at"),
        rs.getInt("escalation_level"));
  }
}
