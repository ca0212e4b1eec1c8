package org.hotline.server.ticket.deadline;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads a deadline policy file; every error names the file and, where one is, the rule. */
final class DeadlinePolicyReader {
  private static final Set<String> TOP_FIELDS = Set.of("zone", "dueSoon", "rules", "note");
  private static final Set<String> RULE_FIELDS = Set.of("id", "name", "kind", "faqCategory",
      "acceptDays", "resolveDays", "unit", "source", "note");

  private DeadlinePolicyReader() {}

  static DeadlinePolicy read(InputStream in, String origin) {
    JsonNode root = JsonSupport.readObject(in, origin);
    JsonSupport.allowOnly(root, TOP_FIELDS, origin);
    ZoneId zone = zone(JsonSupport.optionalText(root, "zone", origin), origin);
    Duration dueSoon = duration(JsonSupport.text(root, "dueSoon", origin), origin);
    List<DeadlineRule> rules = new ArrayList<>();
    JsonNode array = JsonSupport.array(root, "rules", origin);
    for (int i = 0; i < array.size(); i++) {
      rules.add(rule(array.get(i), origin, i + 1));
    }
    try {
      return new DeadlinePolicy(rules, dueSoon, zone);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
    }
  }

  private static DeadlineRule rule(JsonNode node, String origin, int position) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(origin + ": rule #" + position + " must be an object");
    }
    String id = JsonSupport.text(node, "id", origin + ": rule #" + position);
    String where = origin + ": rule '" + id + "'";
    JsonSupport.allowOnly(node, RULE_FIELDS, where);
    DayUnit unit;
    String unitText = JsonSupport.text(node, "unit", where);
    try {
      unit = DayUnit.valueOf(unitText);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          where + ": \"unit\" is \"" + unitText + "\"; expected CALENDAR or WORKING", e);
    }
    try {
      return new DeadlineRule(id,
          JsonSupport.text(node, "name", where),
          node.has("acceptDays") ? JsonSupport.integer(node, "acceptDays", where) : 0,
          JsonSupport.integer(node, "resolveDays", where),
          unit,
          JsonSupport.text(node, "source", where),
          JsonSupport.text(node, "kind", where),
          JsonSupport.text(node, "faqCategory", where));
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      throw message.startsWith(where) ? e : new IllegalArgumentException(where + ": " + message, e);
    }
  }

  private static ZoneId zone(String text, String origin) {
    if (text == null) {
      return DeadlinePolicy.DEFAULT_ZONE;
    }
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(origin + ": \"zone\" is not a time zone: " + text, e);
    }
  }

  private static Duration duration(String text, String origin) {
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          origin + ": \"dueSoon\" is not an ISO-8601 duration like PT24H: " + text, e);
    }
  }
}
