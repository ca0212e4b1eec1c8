package org.hotline.server.ticket.deadline;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads one {@code NNNN.json} calendar file and checks it: dates inside the year, no date both
 * holiday and make-up working day. Stateless; thread-safe.
 */
final class CalendarFileReader {
  private static final Set<String> TOP_FIELDS =
      Set.of("year", "source", "holidays", "workdays", "verified", "note");
  private static final Set<String> HOLIDAY_FIELDS = Set.of("name", "dates", "verified", "note");

  private CalendarFileReader() {}

  /** Reads a year file; {@code expectedYear} comes from the file name. */
  static CalendarYear read(InputStream in, String origin, int expectedYear) {
    JsonNode root = JsonSupport.readObject(in, origin);
    JsonSupport.allowOnly(root, TOP_FIELDS, origin);
    JsonSupport.optionalBoolean(root, "verified", origin);
    int year = JsonSupport.integer(root, "year", origin);
    if (year != expectedYear) {
      throw new IllegalArgumentException(
          origin + ": \"year\" is " + year + " but the file is for " + expectedYear);
    }
    String source = JsonSupport.text(root, "source", origin);

    Set<LocalDate> holidays = new HashSet<>();
    for (JsonNode holiday : JsonSupport.array(root, "holidays", origin)) {
      if (!holiday.isObject()) {
        throw new IllegalArgumentException(origin + ": each holiday must be an object");
      }
      String name = JsonSupport.text(holiday, "name", origin + ": holiday");
      String where = origin + ": holiday " + name;
      JsonSupport.allowOnly(holiday, HOLIDAY_FIELDS, where);
      JsonSupport.optionalBoolean(holiday, "verified", where);
      for (JsonNode date : JsonSupport.array(holiday, "dates", where)) {
        holidays.add(date(date, year, where));
      }
    }
    Set<LocalDate> workdays = new HashSet<>();
    for (JsonNode date : JsonSupport.array(root, "workdays", origin)) {
      LocalDate day = date(date, year, origin + ": workdays");
      if (holidays.contains(day)) {
        throw new IllegalArgumentException(
            origin + ": " + day + " is listed both as a holiday and as a make-up working day");
      }
      workdays.add(day);
    }
    return new CalendarYear(year, source, holidays, workdays);
  }

  private static LocalDate date(JsonNode node, int year, String where) {
    if (!node.isTextual()) {
      throw new IllegalArgumentException(
          where + ": " + node + " is not a date like \"2026-01-01\"");
    }
    LocalDate date;
    try {
      date = LocalDate.parse(node.asText());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          where + ": \"" + node.asText() + "\" is not a date like \"2026-01-01\"", e);
    }
    if (date.getYear() != year) {
      throw new IllegalArgumentException(where + ": " + date + " lies outside the year " + year);
    }
    return date;
  }
}
