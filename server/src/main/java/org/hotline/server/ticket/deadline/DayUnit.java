package org.hotline.server.ticket.deadline;

/** How the days of a time limit are counted. */
public enum DayUnit {
  /** Every day counts; a period ending on a weekend or holiday is not extended. */
  CALENDAR,
  /** Only working days of the {@link WorkingCalendar} count. */
  WORKING
}
