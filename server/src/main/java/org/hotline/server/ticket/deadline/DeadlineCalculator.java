package org.hotline.server.ticket.deadline;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Due times for tickets under a {@link DeadlinePolicy}. A period of N days starts on the day after
 * the event (the receipt day is not counted) and the ticket is due at the last millisecond of the
 * N-th day in the policy zone (23:59:59.999); it is overdue strictly after that. Immutable;
 * thread-safe.
 */
public final class DeadlineCalculator {
  private final WorkingCalendar calendar;
  private final DeadlinePolicy policy;

  public DeadlineCalculator(WorkingCalendar calendar, DeadlinePolicy policy) {
    this.calendar = requireNonNull(calendar, "calendar");
    this.policy = requireNonNull(policy, "policy");
  }

  public DeadlinePolicy policy() {
    return policy;
  }

  /** When the ticket must be accepted or refused; null when the rule has no acceptance step. */
  public Instant acceptDue(Instant received, DeadlineRule rule) {
    requireNonNull(received, "received");
    requireNonNull(rule, "rule");
    return rule.hasAcceptanceStep() ? dueAfter(received, rule.acceptDays(), rule.unit()) : null;
  }

  /**
   * When the ticket must be resolved; {@code startedAt} is receipt, or acceptance when the rule has
   * an acceptance step.
   */
  public Instant resolveDue(Instant startedAt, DeadlineRule rule) {
    requireNonNull(startedAt, "startedAt");
    requireNonNull(rule, "rule");
    return dueAfter(startedAt, rule.resolveDays(), rule.unit());
  }

  /**
   * Moves a due time later for a pause while waiting for the customer. CALENDAR: by the paused
   * duration. WORKING: a pause within one date moves it by the paused duration if that date is a
   * working day (not at all otherwise); a longer pause moves it by the number of working days whose
   * date lies in [pause date, resume date), keeping the time of day.
   */
  public Instant extendForPause(
      Instant due, Instant pausedAt, Instant resumedAt, DeadlineRule rule) {
    requireNonNull(due, "due");
    requireNonNull(pausedAt, "pausedAt");
    requireNonNull(resumedAt, "resumedAt");
    requireNonNull(rule, "rule");
    if (resumedAt.isBefore(pausedAt)) {
      throw new IllegalArgumentException("resumed " + resumedAt + " before paused " + pausedAt);
    }
    if (rule.unit() == DayUnit.CALENDAR) {
      return due.plus(Duration.between(pausedAt, resumedAt));
    }
    LocalDate pausedDate = pausedAt.atZone(policy.zone()).toLocalDate();
    LocalDate resumedDate = resumedAt.atZone(policy.zone()).toLocalDate();
    if (pausedDate.equals(resumedDate)) {
      Duration paused = Duration.between(pausedAt, resumedAt);
      return calendar.isWorkingDay(pausedDate) ? due.plus(paused) : due;
    }
    int workingDays =
        calendar.workingDaysBetween(pausedDate.minusDays(1), resumedDate.minusDays(1));
    ZonedDateTime local = due.atZone(policy.zone());
    return local.with(calendar.addWorkingDays(local.toLocalDate(), workingDays)).toInstant();
  }

  /**
   * The years a working-day deadline set at {@code now} can reach (from today to the latest due
   * time a working-day rule gives a ticket received now) for which the calendar has no official
   * arrangement, so that there holidays count as working days and make-up working days as rest.
   * Calendar-day rules are left out: no calendar moves them. Ascending; empty when all are covered.
   */
  public List<Integer> yearsWithoutOfficialCalendar(Instant now) {
    requireNonNull(now, "now");
    Instant latest = null;
    for (DeadlineRule rule : policy.rules()) {
      if (rule.unit() == DayUnit.WORKING) {
        Instant accepted = rule.hasAcceptanceStep() ? acceptDue(now, rule) : now;
        Instant due = resolveDue(accepted, rule);
        latest = latest == null || due.isAfter(latest) ? due : latest;
      }
    }
    return latest == null ? List.of() : calendar.yearsWithoutOfficialData(
        now.atZone(policy.zone()).getYear(), latest.atZone(policy.zone()).getYear());
  }

  /** Precedence: DONE, then PAUSED, then OVERDUE (strictly after due), DUE_SOON, OK. */
  public DueState state(Instant due, Instant now, boolean paused, boolean done) {
    if (done) {
      return DueState.DONE;
    }
    if (paused) {
      return DueState.PAUSED;
    }
    requireNonNull(due, "due");
    requireNonNull(now, "now");
    if (now.isAfter(due)) {
      return DueState.OVERDUE;
    }
    return now.isBefore(due.minus(policy.dueSoon())) ? DueState.OK : DueState.DUE_SOON;
  }

  private Instant dueAfter(Instant start, int days, DayUnit unit) {
    LocalDate startDate = start.atZone(policy.zone()).toLocalDate();
    LocalDate lastDay = unit == DayUnit.WORKING
        ? calendar.addWorkingDays(startDate, days)
        : startDate.plusDays(days); // calendar days: not extended past a weekend or holiday
    return lastDay.plusDays(1).atStartOfDay(policy.zone()).toInstant().minusMillis(1);
  }
}
