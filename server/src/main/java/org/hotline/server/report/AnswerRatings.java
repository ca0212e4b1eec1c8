package org.hotline.server.report;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.hotline.server.store.Database;

/**
 * How customers rated the bot's answers in a period: overall, and per entry with the least helpful
 * first, so the content team knows which answers to rewrite. Thread-safe; blocking.
 */
public final class AnswerRatings {
  /** The ratings of one period. */
  public record Figures(String from, String to, long rated, long helpful, long unhelpful, double helpfulRate,
      List<Entry> entries) {}

  /** One entry's ratings. */
  public record Entry(String faqId, long helpful, long unhelpful) {}

  private final Database db;
  private final ZoneId zone;

  public AnswerRatings(Database db, ZoneId zone) {
    this.db = requireNonNull(db, "db");
    this.zone = requireNonNull(zone, "zone");
  }

  /** Ratings given from {@code from} to {@code to}, both days included. */
  public Figures figures(LocalDate from, LocalDate to) {
    long start = from.atStartOfDay(zone).toInstant().toEpochMilli();
    long end = to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    return db.inTransaction(sql -> {
      List<Entry> entries = sql.list("SELECT faq_id,"
              + " sum(CASE WHEN helpful THEN 1 ELSE 0 END) AS up, sum(CASE WHEN helpful THEN 0 ELSE 1 END) AS down"
              + " FROM messages WHERE helpful IS NOT NULL AND rated_at >= ? AND rated_at < ? AND faq_id IS NOT NULL"
              + " GROUP BY faq_id ORDER BY down DESC, up, faq_id",
          rs -> new Entry(rs.getString("faq_id"), rs.getLong("up"), rs.getLong("down")), start, end);
      long helpful = entries.stream().mapToLong(Entry::helpful).sum();
      long unhelpful = entries.stream().mapToLong(Entry::unhelpful).sum();
      long rated = helpful + unhelpful;
      double rate = rated == 0 ? 0 : Math.round(10_000.0 * helpful / rated) / 10_000.0;
      return new Figures(from.toString(), to.toString(), rated, helpful, unhelpful, rate, entries);
    });
  }
}
