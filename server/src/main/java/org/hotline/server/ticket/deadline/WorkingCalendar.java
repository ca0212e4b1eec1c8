package org.hotline.server.ticket.deadline;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which dates are working days in mainland China: Monday to Friday, except the State Council's
 * holiday days, plus the make-up working days (调休) that fall on weekends. The arrangement comes
 * from one editable JSON file per year ({@code {"year", "source", "holidays": [{"name", "dates"}],
 * "workdays"}}, with optional {@code "verified": false} and {@code "note"} for dates still to be
 * checked); a year without a file falls back to plain weekends. Immutable; thread-safe.
 */
public final class WorkingCalendar {
  private static final String BUNDLED_DIR = "calendar/";
  private static final Pattern YEAR_FILE = Pattern.compile("(\\d{4})\\.json");

  private final Map<Integer, CalendarYear> years;

  private WorkingCalendar(Map<Integer, CalendarYear> years) {
    this.years = Map.copyOf(requireNonNull(years, "years"));
  }

  /** The years shipped on the classpath, listed in {@code calendar/index.json}. */
  public static WorkingCalendar bundled() {
    return new WorkingCalendar(bundledYears());
  }

  /**
   * The bundled years, overridden and extended by every {@code NNNN.json} file in an operator's
   * directory; other files there are ignored.
   *
   * @throws IllegalArgumentException naming the file when a file is invalid
   */
  public static WorkingCalendar load(Path dir) {
    requireNonNull(dir, "dir");
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + ": calendar directory does not exist");
    }
    Map<Integer, CalendarYear> years = bundledYears();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        Matcher m = YEAR_FILE.matcher(file.getFileName().toString());
        if (m.matches() && Files.isRegularFile(file)) {
          int year = Integer.parseInt(m.group(1));
          years.put(year, CalendarFileReader.read(open(file), file.toString(), year));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": cannot read calendar directory", e);
    }
    return new WorkingCalendar(years);
  }

  /** Whether an official arrangement was loaded for the year (otherwise only weekends rest). */
  public boolean hasOfficialData(int year) {
    return years.containsKey(year);
  }

  /** The years with an official arrangement, ascending. */
  public Set<Integer> officialYears() {
    return new TreeSet<>(years.keySet());
  }

  /** The years from {@code first} through {@code last} without an official arrangement. */
  public List<Integer> yearsWithoutOfficialData(int first, int last) {
    List<Integer> missing = new ArrayList<>();
    for (int year = first; year <= last; year++) {
      if (!hasOfficialData(year)) {
        missing.add(year);
      }
    }
    return missing;
  }

  public boolean isWorkingDay(LocalDate date) {
    requireNonNull(date, "date");
    CalendarYear year = years.get(date.getYear());
    if (year != null && year.holidays().contains(date)) {
      return false;
    }
    if (year != null && year.workdays().contains(date)) {
      return true;
    }
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
  }

  /** The {@code n}-th working day after {@code start}; {@code start} itself is not counted. */
  public LocalDate addWorkingDays(LocalDate start, int n) {
    requireNonNull(start, "start");
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative: " + n);
    }
    LocalDate date = start;
    for (int left = n; left > 0; ) {
      date = date.plusDays(1);
      if (isWorkingDay(date)) {
        left--;
      }
    }
    return date;
  }

  /**
   * Working days in {@code (fromExclusive, toInclusive]}; negative, with the same magnitude, when
   * {@code toInclusive} is earlier (for example, how many working days a ticket is overdue).
   */
  public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
    requireNonNull(fromExclusive, "fromExclusive");
    requireNonNull(toInclusive, "toInclusive");
    if (toInclusive.isBefore(fromExclusive)) {
      return -workingDaysBetween(toInclusive, fromExclusive);
    }
    int count = 0;
    for (LocalDate d = fromExclusive.plusDays(1); !d.isAfter(toInclusive); d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        count++;
      }
    }
    return count;
  }

  private static Map<Integer, CalendarYear> bundledYears() {
    String indexName = BUNDLED_DIR + "index.json";
    JsonNode index = JsonSupport.readObject(resource(indexName), "classpath:" + indexName);
    Map<Integer, CalendarYear> years = new HashMap<>();
    for (JsonNode node : JsonSupport.array(index, "years", "classpath:" + indexName)) {
      int year = node.asInt();
      String name = BUNDLED_DIR + year + ".json";
      years.put(year, CalendarFileReader.read(resource(name), "classpath:" + name, year));
    }
    return years;
  }

  private static InputStream open(Path file) {
    try {
      return Files.newInputStream(file);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read", e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = WorkingCalendar.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("bundled resource missing: " + name);
    }
    return in;
  }
}
