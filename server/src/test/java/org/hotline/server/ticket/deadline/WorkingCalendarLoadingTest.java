package org.hotline.server.ticket.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkingCalendarLoadingTest {
  @TempDir
  Path dir;

  private void write(String name, String json) throws IOException {
    Files.writeString(dir.resolve(name), json);
  }

  private IllegalArgumentException loadFails() {
    return assertThrows(IllegalArgumentException.class, () -> WorkingCalendar.load(dir));
  }

  @Test
  void operatorFilesAddYearsAndOverrideBundledOnes() throws IOException {
    write("2027.json", """
        {"year": 2027, "source": "测试安排", "verified": false, "note": "示例，不是官方安排",
         "holidays": [{"name": "元旦", "dates": ["2027-01-01"]}], "workdays": ["2027-01-02"]}
        """);
    write("2026.json", """
        {"year": 2026, "source": "测试覆盖", "holidays": [], "workdays": []}
        """);
    write("README.md", "not a calendar");

    WorkingCalendar calendar = WorkingCalendar.load(dir);

    assertTrue(calendar.hasOfficialData(2027));
    assertFalse(calendar.isWorkingDay(LocalDate.parse("2027-01-01")));  // Friday holiday
    assertTrue(calendar.isWorkingDay(LocalDate.parse("2027-01-02")));   // Saturday make-up
    assertTrue(calendar.isWorkingDay(LocalDate.parse("2026-10-01")));   // override has no 国庆
    assertFalse(calendar.isWorkingDay(LocalDate.parse("2025-10-01")));  // bundled 2025 kept
  }

  @Test
  void rejectsADateThatIsBothHolidayAndWorkday() throws IOException {
    write("2027.json", """
        {"year": 2027, "source": "测试", "holidays": [{"name": "元旦", "dates": ["2027-01-01"]}],
         "workdays": ["2027-01-01"]}
        """);
    IllegalArgumentException e = loadFails();
    assertTrue(e.getMessage().contains("2027.json"), e.getMessage());
    assertTrue(e.getMessage().contains("2027-01-01 is listed both"), e.getMessage());
  }

  @Test
  void rejectsADateOutsideTheFilesYear() throws IOException {
    write("2027.json", """
        {"year": 2027, "source": "测试", "holidays": [{"name": "春节", "dates": ["2028-01-26"]}],
         "workdays": []}
        """);
    IllegalArgumentException e = loadFails();
    assertTrue(e.getMessage().contains("2027.json"), e.getMessage());
    assertTrue(e.getMessage().contains("春节"), e.getMessage());
    assertTrue(e.getMessage().contains("2028-01-26 lies outside the year 2027"), e.getMessage());
  }

  @Test
  void rejectsAYearFieldThatDisagreesWithTheFileName() throws IOException {
    write("2027.json", """
        {"year": 2028, "source": "测试", "holidays": [], "workdays": []}
        """);
    IllegalArgumentException e = loadFails();
    assertTrue(e.getMessage().contains("2027.json: \"year\" is 2028"), e.getMessage());
  }

  @Test
  void rejectsMalformedJsonNamingTheFile() throws IOException {
    write("2027.json", "{\"year\": 2027, \"holidays\": [");
    IllegalArgumentException e = loadFails();
    assertTrue(e.getMessage().contains("2027.json: malformed JSON"), e.getMessage());
  }

  @Test
  void rejectsMisspeltFieldsAndBadDates() throws IOException {
    write("2027.json", """
        {"year": 2027, "source": "测试", "holidays": [], "workday": []}
        """);
    assertTrue(loadFails().getMessage().contains("unknown field \"workday\""));

    write("2027.json", """
        {"year": 2027, "source": "测试", "holidays": [], "workdays": ["2027-02-30"]}
        """);
    assertTrue(loadFails().getMessage().contains("\"2027-02-30\" is not a date"));
  }

  @Test
  void rejectsAMissingDirectory() {
    Path missing = dir.resolve("nope");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> WorkingCalendar.load(missing));
    assertTrue(e.getMessage().contains("nope"), e.getMessage());
  }

  @Test
  void anEmptyDirectoryGivesTheBundledCalendar() {
    WorkingCalendar calendar = WorkingCalendar.load(dir);
    assertEquals(WorkingCalendar.bundled().officialYears(), calendar.officialYears());
  }
}
