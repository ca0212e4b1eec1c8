package org.hotline.server.ticket.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadlineCalculatorTest {
  private static final WorkingCalendar CALENDAR = WorkingCalendar.bundled();

  private final DeadlineCalculator bank =
      new DeadlineCalculator(CALENDAR, DeadlinePolicy.bundled("bank"));
  private final DeadlineCalculator market =
      new DeadlineCalculator(CALENDAR, DeadlinePolicy.bundled("market"));
  private final DeadlineRule bankComplaint = bank.policy().ruleFor("complaint", "credit-card");
  private final DeadlineRule marketComplaint = market.policy().ruleFor("complaint", "food");

  /** An instant written in Beijing time, e.g. "2026-03-02T10:00". */
  private static Instant beijing(String localDateTime) {
    return OffsetDateTime.parse(localDateTime + "+08:00").toInstant();
  }

  private static Instant endOfDay(String date) {
    return beijing(date + "T23:59:59.999");
  }

  @Test
  void bankComplaintIsDueAtTheEndOfTheFifteenthDayAfterReceipt() {
    assertEquals(endOfDay("2026-03-17"),
        bank.resolveDue(beijing("2026-03-02T10:00"), bankComplaint));
    assertNull(bank.acceptDue(beijing("2026-03-02T10:00"), bankComplaint));
  }

  @Test
  void daysAreCountedInThePolicyZoneNotUtc() {
    // 17:00 UTC on 1 March is already 01:00 on 2 March in Beijing.
    Instant received = Instant.parse("2026-03-01T17:00:00Z");
    assertEquals(endOfDay("2026-03-17"), bank.resolveDue(received, bankComplaint));
  }

  @Test
  void calendarDayDeadlineEndingOnAHolidayIsNotExtended() {
    assertEquals(endOfDay("2025-10-01"),
        bank.resolveDue(beijing("2025-09-16T09:00"), bankComplaint));
  }

  @Test
  void creditReportObjectionIsDueInTwentyDays() {
    DeadlineRule rule = bank.policy().ruleFor("complaint", "credit-report");
    assertEquals(endOfDay("2026-03-02"), bank.resolveDue(beijing("2026-02-10T11:00"), rule));
  }

  @Test
  void marketComplaintMustBeAcceptedWithinSevenWorkingDaysAcrossNationalDay() {
    // 9-28 (Sunday make-up), 9-29, 9-30; 国庆 to 10-8; 10-9, 10-10, 10-11 (Saturday make-up), 10-13.
    assertEquals(endOfDay("2025-10-13"),
        market.acceptDue(beijing("2025-09-26T10:00"), marketComplaint));
    assertEquals(endOfDay("2026-03-17"),
        market.acceptDue(beijing("2026-03-07T10:00"), marketComplaint));  // received on a Saturday
  }

  @Test
  void marketMediationEndsFortyFiveWorkingDaysAfterAcceptanceAcrossTheSpringFestival() {
    assertEquals(endOfDay("2026-03-13"),
        market.resolveDue(beijing("2026-01-05T15:00"), marketComplaint));
  }

  @Test
  void calendarPauseMovesTheDueTimeByThePausedDuration() {
    Instant due = endOfDay("2026-03-17");
    Instant extended = bank.extendForPause(
        due, beijing("2026-03-05T10:00"), beijing("2026-03-07T16:30"), bankComplaint);
    assertEquals(due.plus(Duration.ofHours(54).plusMinutes(30)), extended);
  }

  @Test
  void workingPauseOverSeveralDaysMovesTheDueDateByTheWorkingDaysItCovered() {
    // Paused Friday afternoon, resumed Tuesday morning: Friday and Monday are lost.
    Instant extended = market.extendForPause(endOfDay("2026-03-13"),
        beijing("2026-03-06T15:00"), beijing("2026-03-10T09:00"), marketComplaint);
    assertEquals(endOfDay("2026-03-17"), extended);
  }

  @Test
  void workingPauseAcrossAHolidayCountsOnlyWorkingDays() {
    // Paused on 9-30, resumed on 10-9: only 9-30 was a working day.
    Instant extended = market.extendForPause(endOfDay("2025-10-13"),
        beijing("2025-09-30T16:00"), beijing("2025-10-09T09:00"), marketComplaint);
    assertEquals(endOfDay("2025-10-14"), extended);
  }

  @Test
  void workingPauseWithinOneDayMovesTheDueTimeByThePausedDuration() {
    Instant due = endOfDay("2026-03-13");
    assertEquals(due.plus(Duration.ofHours(3)), market.extendForPause(
        due, beijing("2026-03-10T10:00"), beijing("2026-03-10T13:00"), marketComplaint));
    // On a Sunday the working-day clock was not running anyway.
    assertEquals(due, market.extendForPause(
        due, beijing("2026-03-08T10:00"), beijing("2026-03-08T13:00"), marketComplaint));
  }

  @Test
  void workingPauseOverAWeekendOnlyDoesNotMoveTheDueTime() {
    Instant due = endOfDay("2026-03-13");
    assertEquals(due, market.extendForPause(
        due, beijing("2026-03-07T10:00"), beijing("2026-03-09T08:00"), marketComplaint));
  }

  @Test
  void pauseThatEndsBeforeItStartsIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> bank.extendForPause(endOfDay("2026-03-17"),
        beijing("2026-03-10T10:00"), beijing("2026-03-09T10:00"), bankComplaint));
  }

  @Test
  void stateTurnsDueSoonWithinTheWindowAndOverdueAfterTheDueTime() {
    DeadlineCalculator calculator = new DeadlineCalculator(CALENDAR, new DeadlinePolicy(
        List.of(bankComplaint, bank.policy().ruleFor("other", null)),
        Duration.ofHours(24), DeadlinePolicy.DEFAULT_ZONE));
    Instant due = endOfDay("2026-03-17");

    assertEquals(DueState.OK, calculator.state(due, now("2026-03-16T12:00"), false, false));
    assertEquals(DueState.OK, calculator.state(due, now("2026-03-16T23:59:59.998"), false, false));
    assertEquals(DueState.DUE_SOON,
        calculator.state(due, now("2026-03-16T23:59:59.999"), false, false));
    assertEquals(DueState.DUE_SOON, calculator.state(due, due, false, false));
    assertEquals(DueState.OVERDUE, calculator.state(due, now("2026-03-18T00:00"), false, false));
  }

  @Test
  void pausedAndDoneTicketsAreNeitherDueSoonNorOverdue() {
    Instant due = endOfDay("2026-03-17");
    Instant late = now("2026-03-20T09:00");
    assertEquals(DueState.PAUSED, bank.state(due, late, true, false));
    assertEquals(DueState.DONE, bank.state(due, late, true, true));
    assertEquals(DueState.DONE, bank.state(null, late, false, true));
  }

  /** A fixed clock, as the ticket service would inject, read once. */
  private static Instant now(String localDateTime) {
    return Clock.fixed(beijing(localDateTime), DeadlinePolicy.DEFAULT_ZONE).instant();
  }
  @Test
  void workingDayDeadlinesThatReachAYearWithoutACalendarNameThatYear() {
    int last = CALENDAR.officialYears().stream().max(Integer::compare).orElseThrow();
    // The market's complaint rule reaches 7 + 45 working days ahead; the bank's working-day rules
    // at most 2, and its complaint rules count calendar days, which no holiday moves.
    assertEquals(List.of(), market.yearsWithoutOfficialCalendar(beijing(last + "-03-02T10:00")));
    assertEquals(List.of(last + 1),
        market.yearsWithoutOfficialCalendar(beijing(last + "-12-07T10:00")));
    assertEquals(List.of(), bank.yearsWithoutOfficialCalendar(beijing(last + "-12-07T10:00")));
    assertEquals(List.of(last + 1),
        bank.yearsWithoutOfficialCalendar(beijing(last + "-12-31T10:00")));
    assertEquals(List.of(last + 3, last + 4),
        market.yearsWithoutOfficialCalendar(beijing((last + 3) + "-12-07T10:00")));
  }

  @Test
  void calendarDayRulesNeedNoCalendar() {
    DeadlineRule complaint = new DeadlineRule("complaint", "投诉15日内办结", 0, 15, DayUnit.CALENDAR,
        "内部服务标准", "*", "*");
    DeadlineCalculator calculator = new DeadlineCalculator(CALENDAR,
        new DeadlinePolicy(List.of(complaint), Duration.ofDays(1), DeadlinePolicy.DEFAULT_ZONE));
    assertEquals(List.of(), calculator.yearsWithoutOfficialCalendar(beijing("2040-12-31T10:00")));
  }
}
