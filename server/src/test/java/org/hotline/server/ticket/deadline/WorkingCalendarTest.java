package org.hotline.server.ticket.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {
  private final WorkingCalendar calendar = WorkingCalendar.bundled();

  private static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }

  @Test
  void weekdaysWorkAndWeekendsRest() {
    assertTrue(calendar.isWorkingDay(date("2026-03-04")));   // Wednesday
    assertFalse(calendar.isWorkingDay(date("2026-03-07")));  // Saturday
    assertFalse(calendar.isWorkingDay(date("2026-03-08")));  // Sunday
  }

  @Test
  void officialHolidaysRestEvenOnWeekdays() {
    assertFalse(calendar.isWorkingDay(date("2025-10-08")));  // 国庆节、中秋节, Wednesday
    assertFalse(calendar.isWorkingDay(date("2026-02-16")));  // 除夕, Monday
    assertFalse(calendar.isWorkingDay(date("2026-09-25")));  // 中秋节, Friday
  }

  @Test
  void makeUpDaysWorkEvenOnWeekends() {
    assertTrue(calendar.isWorkingDay(date("2025-09-28")));   // Sunday before 国庆
    assertTrue(calendar.isWorkingDay(date("2026-01-04")));   // Sunday after 元旦
    assertTrue(calendar.isWorkingDay(date("2026-02-28")));   // Saturday after 春节
  }

  @Test
  void addsWorkingDaysAcrossNationalDay2025() {
    assertEquals(date("2025-10-09"), calendar.addWorkingDays(date("2025-09-30"), 1));
    // Sunday 9-28 is a make-up day, so three working days end on 9-30 and the fourth after 国庆.
    assertEquals(date("2025-09-30"), calendar.addWorkingDays(date("2025-09-26"), 3));
    assertEquals(date("2025-10-09"), calendar.addWorkingDays(date("2025-09-26"), 4));
    assertEquals(date("2025-10-11"), calendar.addWorkingDays(date("2025-10-09"), 2));
  }

  @Test
  void addsWorkingDaysAcrossTheSpringFestivalAndItsMakeUpDays() {
    assertEquals(date("2026-02-14"), calendar.addWorkingDays(date("2026-02-13"), 1));
    assertEquals(date("2026-02-24"), calendar.addWorkingDays(date("2026-02-13"), 2));
    assertEquals(date("2026-02-28"), calendar.addWorkingDays(date("2026-02-13"), 6));
  }

  @Test
  void startDayIsNotCountedEvenWhenItIsARestDay() {
    assertEquals(date("2026-03-09"), calendar.addWorkingDays(date("2026-03-07"), 1));
    assertEquals(date("2026-03-07"), calendar.addWorkingDays(date("2026-03-07"), 0));
    assertThrows(IllegalArgumentException.class,
        () -> calendar.addWorkingDays(date("2026-03-07"), -1));
  }

  @Test
  void countsWorkingDaysBetweenExcludingTheFirstDate() {
    assertEquals(3, calendar.workingDaysBetween(date("2025-09-30"), date("2025-10-12")));
    assertEquals(0, calendar.workingDaysBetween(date("2025-10-01"), date("2025-10-01")));
    assertEquals(-3, calendar.workingDaysBetween(date("2025-10-12"), date("2025-09-30")));
    LocalDate start = date("2026-01-05");
    assertEquals(45, calendar.workingDaysBetween(start, calendar.addWorkingDays(start, 45)));
  }

  @Test
  void yearsWithoutOfficialDataFallBackToPlainWeekends() {
    assertTrue(calendar.hasOfficialData(2025));
    assertTrue(calendar.hasOfficialData(2026));
    assertFalse(calendar.hasOfficialData(2030));
    assertTrue(calendar.isWorkingDay(date("2030-10-01")));   // Tuesday; no arrangement known
    assertFalse(calendar.isWorkingDay(date("2030-10-05")));  // Saturday
  }

  @Test
  void everyBundledMakeUpDayFallsOnAWeekend() {
    for (int year : calendar.officialYears()) {
      String name = "calendar/" + year + ".json";
      CalendarYear data = CalendarFileReader.read(
          getClass().getClassLoader().getResourceAsStream(name), name, year);
      assertFalse(data.workdays().isEmpty(), name);
      for (LocalDate day : data.workdays()) {
        DayOfWeek dow = day.getDayOfWeek();
        assertTrue(dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY, name + " " + day);
      }
    }
  }

  @Test
  void bundledYearsHaveTheOfficialCountOfWorkingDays() {
    // 261 weekdays each year; 2025: 18 weekday holidays, 5 make-up days; 2026: 19 and 6.
    assertEquals(248, calendar.workingDaysBetween(date("2024-12-31"), date("2025-12-31")));
    assertEquals(248, calendar.workingDaysBetween(date("2025-12-31"), date("2026-12-31")));
  }
}
