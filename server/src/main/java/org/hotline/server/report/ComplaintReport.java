package org.hotline.server.report;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.server.store.Database;

/**
 * The figures a consumer association publishes for a period: complaints received and resolved, the
 * resolution rate, how many missed their deadline, money recovered for consumers, shares by
 * category, and consultations served. Thread-safe; blocking.
 */
public final class ComplaintReport {
  /** The report for one period. */
  public record Figures(String from, String to, long received, long resolved, double resolutionRate,
      long overdue, BigDecimal amountRecovered, long consultations, long conversations,
      List<Share> byCategory) {}

  /** One category's count and share of complaints received. */
  public record Share(String category, long count, double share) {}

  private final Database db;
  private final ZoneId zone;
  private final Clock clock;

  public ComplaintReport(Database db, ZoneId zone, Clock clock) {
    this.db = requireNonNull(db, "db");
    this.zone = requireNonNull(zone, "zone");
    this.clock = requireNonNull(clock, "clock");
  }

  /** Complaints and reports received from {@code from} to {@code to}, both days included. */
  public Figures figures(LocalDate from, LocalDate to) {
    long start = from.atStartOfDay(zone).toInstant().toEpochMilli();
    long end = to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    long now = clock.millis();
    String complaints = " FROM tickets WHERE kind IN ('complaint', 'report') AND created_at >= ? AND created_at < ?";
    return db.inTransaction(sql -> {
      long received = sql.count("SELECT count(*)" + complaints, start, end);
      long resolved = sql.count("SELECT count(*)" + complaints + " AND status IN ('resolved', 'closed')", start, end);
      long overdue = sql.count("SELECT count(*)" + complaints
          + " AND ((resolved_at IS NOT NULL AND resolved_at > due_at) OR (resolved_at IS NULL AND paused_at IS NULL AND due_at < ?))",
          start, end, now);
      BigDecimal recovered = sql.one("SELECT coalesce(sum(amount_recovered), 0)" + complaints,
          rs -> rs.getBigDecimal(1), start, end).orElse(BigDecimal.ZERO);
      long consultations = sql.count("SELECT count(*) FROM tickets WHERE kind NOT IN ('complaint', 'report')"
          + " AND created_at >= ? AND created_at < ?", start, end);
      long conversations = sql.count("SELECT count(*) FROM conversations WHERE created_at >= ? AND created_at < ?",
          start, end);
      List<Share> shares = new ArrayList<>();
      for (var row : sql.list("SELECT coalesce(report_category, '未分类') AS category, count(*) AS n" + complaints
          + " GROUP BY coalesce(report_category, '未分类') ORDER BY count(*) DESC, category",
          rs -> Map.entry(rs.getString("category"), rs.getLong("n")), start, end)) {
        shares.add(new Share(row.getKey(), row.getValue(), round(received == 0 ? 0 : (double) row.getValue() / received)));
      }
      return new Figures(from.toString(), to.toString(), received, resolved, round(received == 0 ? 0 : (double) resolved / received),
          overdue, recovered.setScale(2, RoundingMode.HALF_UP), consultations, conversations, shares);
    });
  }

  /** The figures as CSV: one line per measure, then one per category (UTF-8 with a BOM for Excel). */
  public static String csv(Figures f) {
    StringBuilder out = new StringBuilder("\uFEFF指标,数值\n");
    Map<String, Object> lines = new LinkedHashMap<>();
    lines.put("起始日期", f.from());
    lines.put("截止日期", f.to());
    lines.put("受理投诉举报", f.received());
    lines.put("办结", f.resolved());
    lines.put("办结率", f.resolutionRate());
    lines.put("超时", f.overdue());
    lines.put("挽回经济损失（元）", f.amountRecovered().toPlainString());
    lines.put("人工咨询", f.consultations());
    lines.put("在线会话", f.conversations());
    lines.forEach((k, v) -> out.append(k).append(',').append(v).append('\n'));
    out.append("\n分类,件数,占比\n");
    for (Share s : f.byCategory()) {
      out.append(s.category()).append(',').append(s.count()).append(',').append(s.share()).append('\n');
    }
    return out.toString();
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
