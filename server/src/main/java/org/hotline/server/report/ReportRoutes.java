package org.hotline.server.report;

import static java.util.Objects.requireNonNull;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.hotline.server.agent.AgentAuth;
import org.hotline.server.agent.Role;
import org.hotline.server.http.ApiException;
import org.hotline.server.http.ApiResponse;
import org.hotline.server.http.Route;

/** Reports for supervisors and admins: complaints (also as CSV) and answer ratings. */
public final class ReportRoutes {
  private final ComplaintReport report;
  private final AnswerRatings ratings;
  private final AgentAuth auth;

  public ReportRoutes(ComplaintReport report, AnswerRatings ratings, AgentAuth auth) {
    this.report = requireNonNull(report, "report");
    this.ratings = requireNonNull(ratings, "ratings");
    this.auth = requireNonNull(auth, "auth");
  }

  /** {@code GET /api/v1/reports/answers?from=&to=}: how customers rated the bot's answers. */
  public Route answers() {
    return auth.require(Role.SUPERVISOR, (request, agent) -> {
      LocalDate[] period = period(request);
      return ApiResponse.json(ratings.figures(period[0], period[1]));
    });
  }

  public Route complaints() {
    return auth.require(Role.SUPERVISOR, (request, agent) -> {
      LocalDate[] period = period(request);
      ComplaintReport.Figures figures = report.figures(period[0], period[1]);
      String accept = request.header(HttpHeaderNames.ACCEPT);
      if ("csv".equals(request.queryParam("format")) || (accept != null && accept.contains("text/csv"))) {
        return ApiResponse.text("text/csv; charset=utf-8", ComplaintReport.csv(figures));
      }
      return ApiResponse.json(figures);
    });
  }

  /** The report's first and last day from {@code from} and {@code to}, at most five years apart. */
  private static LocalDate[] period(org.hotline.server.http.ApiRequest request) {
    LocalDate from = date(request.queryParam("from"), "from");
    LocalDate to = date(request.queryParam("to"), "to");
    if (to.isBefore(from)) {
      throw ApiException.badRequest("invalid_period", "'to' is before 'from'");
    }
    if (from.plusYears(5).isBefore(to)) {
      throw ApiException.badRequest("invalid_period", "a report covers at most five years");
    }
    return new LocalDate[] {from, to};
  }

  private static LocalDate date(String value, String name) {
    if (value == null) {
      throw ApiException.badRequest("missing_" + name, "query parameter '" + name + "' (YYYY-MM-DD) is required");
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("invalid_" + name, "'" + name + "' must be a date like 2026-11-01");
    }
  }
}
