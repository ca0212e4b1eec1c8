package org.hotline.server.ticket.deadline;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Set;

/** One year of the official arrangement: rest days on weekdays and make-up working days. */
record CalendarYear(int year, String source, Set<LocalDate> holidays, Set<LocalDate> workdays) {
  CalendarYear {
    requireNonNull(source, "source");
    holidays = Set.copyOf(requireNonNull(holidays, "holidays"));
    workdays = Set.copyOf(requireNonNull(workdays, "workdays"));
  }
}
