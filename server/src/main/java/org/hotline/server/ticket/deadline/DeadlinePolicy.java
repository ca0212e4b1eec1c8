package org.hotline.server.ticket.deadline;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The time limits of one hotline: rules tried in order (the last one a catch-all), how long before
 * its due time a ticket counts as due soon, and the zone whose days are counted. Immutable;
 * thread-safe.
 */
public record DeadlinePolicy(List<DeadlineRule> rules, Duration dueSoon, ZoneId zone) {
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
  private static final Pattern BUNDLED_NAME = Pattern.compile("[a-z0-9-]+");

  /** @throws IllegalArgumentException naming the rule at fault */
  public DeadlinePolicy {
    rules = List.copyOf(requireNonNull(rules, "rules"));
    requireNonNull(dueSoon, "dueSoon");
    requireNonNull(zone, "zone");
    if (dueSoon.isNegative()) {
      throw new IllegalArgumentException("dueSoon must not be negative: " + dueSoon);
    }
    Set<String> ids = new HashSet<>();
    DeadlineRule catchAll = null;
    for (DeadlineRule rule : rules) {
      if (!ids.add(rule.id())) {
        throw new IllegalArgumentException("rule '" + rule.id() + "': duplicate id");
      }
      if (catchAll != null) {
        throw new IllegalArgumentException("rule '" + rule.id() + "' follows the catch-all rule '"
            + catchAll.id() + "' and can never match");
      }
      if (rule.isCatchAll()) {
        catchAll = rule;
      }
    }
    if (catchAll == null) {
      throw new IllegalArgumentException(
          "no catch-all rule (kind \"*\" and faqCategory \"*\") at the end of the rules");
    }
  }

  /** A policy shipped on the classpath as {@code deadlines/<name>.json}, e.g. bank or market. */
  public static DeadlinePolicy bundled(String name) {
    requireNonNull(name, "name");
    String resource = "deadlines/" + name + ".json";
    InputStream in = BUNDLED_NAME.matcher(name).matches()
        ? DeadlinePolicy.class.getClassLoader().getResourceAsStream(resource)
        : null;
    if (in == null) {
      throw new IllegalArgumentException("no bundled deadline policy named \"" + name + "\"");
    }
    return DeadlinePolicyReader.read(in, "classpath:" + resource);
  }

  /** @throws IllegalArgumentException naming the file (and rule) when the file is invalid */
  public static DeadlinePolicy load(Path file) {
    requireNonNull(file, "file");
    InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read deadline policy", e);
    }
    return DeadlinePolicyReader.read(in, file.toString());
  }

  /** The first rule matching the ticket; null values are matched only by {@code "*"}. */
  public DeadlineRule ruleFor(String kind, String faqCategory) {
    for (DeadlineRule rule : rules) {
      if (rule.matches(kind, faqCategory)) {
        return rule;
      }
    }
    throw new AssertionError("validated policy has a catch-all rule");
  }
}
