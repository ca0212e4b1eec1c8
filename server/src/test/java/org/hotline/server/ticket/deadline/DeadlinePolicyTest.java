package org.hotline.server.ticket.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadlinePolicyTest {
  private static final String CATCH_ALL = """
      {"id": "other", "name": "其他", "kind": "*", "faqCategory": "*",
       "resolveDays": 2, "unit": "WORKING", "source": "内部服务时限"}""";

  @TempDir
  Path dir;

  private final DeadlinePolicy bank = DeadlinePolicy.bundled("bank");
  private final DeadlinePolicy market = DeadlinePolicy.bundled("market");

  private IllegalArgumentException loadFails(String json) throws IOException {
    Path file = dir.resolve("custom.json");
    Files.writeString(file, json);
    return assertThrows(IllegalArgumentException.class, () -> DeadlinePolicy.load(file));
  }

  private static String policyWith(String... rules) {
    return "{\"dueSoon\": \"PT24H\", \"rules\": [" + String.join(",", rules) + "]}";
  }

  @Test
  void bankCreditReportObjectionsGetTwentyDaysUnderTheCreditRegulation() {
    DeadlineRule rule = bank.ruleFor("complaint", "credit-report");
    assertEquals(20, rule.resolveDays());
    assertEquals(DayUnit.CALENDAR, rule.unit());
    assertTrue(rule.source().contains("征信业管理条例"));
  }

  @Test
  void bankComplaintsGetFifteenCalendarDays() {
    DeadlineRule rule = bank.ruleFor("complaint", "credit-card");
    assertEquals("银行业保险业消费投诉：15日内告知处理决定", rule.name());
    assertEquals(15, rule.resolveDays());
    assertEquals(DayUnit.CALENDAR, rule.unit());
    assertFalse(rule.hasAcceptanceStep());
    assertEquals(rule, bank.ruleFor("complaint", null));
  }

  @Test
  void bankServiceLevelsThatAreNotLawSayInternal() {
    for (String kind : List.of("consultation", "lost_card", "fraud", "report")) {
      DeadlineRule rule = bank.ruleFor(kind, "credit-report");
      assertEquals(kind.replace('_', '-'), rule.id());
      assertTrue(rule.name().contains("内部服务时限"), rule.name());
      assertEquals(DayUnit.WORKING, rule.unit());
    }
  }

  @Test
  void unknownKindsFallToTheCatchAllRule() {
    assertTrue(bank.ruleFor("praise", "credit-report").isCatchAll());
    assertTrue(market.ruleFor(null, null).isCatchAll());
  }

  @Test
  void marketComplaintsAreAcceptedInSevenAndMediatedInFortyFiveWorkingDays() {
    DeadlineRule rule = market.ruleFor("complaint", "food");
    assertEquals(7, rule.acceptDays());
    assertEquals(45, rule.resolveDays());
    assertEquals(DayUnit.WORKING, rule.unit());
    assertEquals("《市场监督管理投诉举报处理暂行办法》", rule.source());
  }

  @Test
  void bundledPoliciesCountInShanghaiAndWarnADayAhead() {
    assertEquals(DeadlinePolicy.DEFAULT_ZONE, bank.zone());
    assertEquals(Duration.ofHours(24), market.dueSoon());
  }

  @Test
  void unknownBundledNamesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> DeadlinePolicy.bundled("insurance"));
    assertThrows(IllegalArgumentException.class, () -> DeadlinePolicy.bundled("../calendar/2025"));
  }

  @Test
  void loadsAPolicyFileAndDefaultsTheZone() throws IOException {
    Path file = dir.resolve("custom.json");
    Files.writeString(file, policyWith("""
        {"id": "fraud", "name": "涉诈", "kind": "fraud", "faqCategory": "*",
         "resolveDays": 1, "unit": "WORKING", "source": "内部服务时限"}""", CATCH_ALL));
    DeadlinePolicy policy = DeadlinePolicy.load(file);
    assertEquals("fraud", policy.ruleFor("fraud", "phishing").id());
    assertEquals(DeadlinePolicy.DEFAULT_ZONE, policy.zone());
  }

  @Test
  void aPolicyWithoutCatchAllIsRejectedNamingTheFile() throws IOException {
    IllegalArgumentException e = loadFails(policyWith("""
        {"id": "fraud", "name": "涉诈", "kind": "fraud", "faqCategory": "*",
         "resolveDays": 1, "unit": "WORKING", "source": "内部服务时限"}"""));
    assertTrue(e.getMessage().contains("custom.json: no catch-all rule"), e.getMessage());
  }

  @Test
  void ruleErrorsNameTheFileAndTheRule() throws IOException {
    IllegalArgumentException unit = loadFails(policyWith("""
        {"id": "slow", "name": "慢", "kind": "complaint", "faqCategory": "*",
         "resolveDays": 15, "unit": "DAYS", "source": "测试"}""", CATCH_ALL));
    assertTrue(unit.getMessage().contains("custom.json: rule 'slow': \"unit\" is \"DAYS\""),
        unit.getMessage());

    IllegalArgumentException kind = loadFails(policyWith("""
        {"id": "typo", "name": "错", "kind": "complain", "faqCategory": "*",
         "resolveDays": 15, "unit": "CALENDAR", "source": "测试"}""", CATCH_ALL));
    assertTrue(kind.getMessage().contains("custom.json: rule 'typo': unknown kind \"complain\""),
        kind.getMessage());

    IllegalArgumentException days = loadFails(policyWith("""
        {"id": "zero", "name": "零", "kind": "report", "faqCategory": "*",
         "resolveDays": 0, "unit": "WORKING", "source": "测试"}""", CATCH_ALL));
    assertTrue(days.getMessage().contains(
        "custom.json: rule 'zero': resolveDays must be at least 1"), days.getMessage());
  }

  @Test
  void rulesAfterTheCatchAllAndDuplicateIdsAreRejected() throws IOException {
    IllegalArgumentException late = loadFails(policyWith(CATCH_ALL, """
        {"id": "late", "name": "晚", "kind": "report", "faqCategory": "*",
         "resolveDays": 3, "unit": "WORKING", "source": "测试"}"""));
    assertTrue(late.getMessage().contains("custom.json: rule 'late' follows the catch-all"),
        late.getMessage());

    IllegalArgumentException duplicate = loadFails(policyWith(CATCH_ALL, CATCH_ALL));
    assertTrue(duplicate.getMessage().contains("custom.json: rule 'other': duplicate id"),
        duplicate.getMessage());
  }

  @Test
  void malformedJsonAndBadDurationsNameTheFile() throws IOException {
    assertTrue(loadFails("{\"rules\": [").getMessage().contains("custom.json: malformed JSON"));
    IllegalArgumentException e =
        loadFails("{\"dueSoon\": \"one day\", \"rules\": [" + CATCH_ALL + "]}");
    assertTrue(e.getMessage().contains("custom.json: \"dueSoon\" is not an ISO-8601 duration"),
        e.getMessage());
  }
}
