package org.hotline.server.chat;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a reply like "2", "第二个" or "选3" as the choice of a numbered suggestion. Stateless. */
final class SuggestionChoice {
  private static final Pattern CHOICE = Pattern.compile(
      "^(?:选|选择|要|是)?(?:第)?([1-9１-９一二三四五六七八九])(?:个|条|项|号)?(?:吧|的|问题)?[。.!！]?$");
  private static final String CHINESE = "一二三四五六七八九";

  private SuggestionChoice() {}

  /** The suggestion the text picks, when it is only a choice and the number is in range. */
  static Optional<String> pick(String text, List<String> pending) {
    if (pending.isEmpty()) {
      return Optional.empty();
    }
    Matcher m = CHOICE.matcher(text.replaceAll("\\s", ""));
    if (!m.matches()) {
      return Optional.empty();
    }
    char c = m.group(1).charAt(0);
    int n;
    if (c >= '1' && c <= '9') {
      n = c - '0';
    } else if (c >= '１' && c <= '９') {
      n = c - '１' + 1;
    } else {
      n = CHINESE.indexOf(c) + 1;
    }
    return n >= 1 && n <= pending.size() ? Optional.of(pending.get(n - 1)) : Optional.empty();
  }
}
