package org.hotline.ivr.agi;

import java.util.regex.Pattern;

/**
 * A protocol line as it may appear in an error message or a log: shortened, with every run of four
 * or more digits masked. An environment or reply line can carry a caller's number, a channel name
 * built from it, or the digits a caller keyed (a card number, a PIN); status codes (200, 510) and
 * short values stay readable for debugging a peer. Stateless.
 */
final class AgiLines {
  private static final int MAX_CHARS = 60;
  private static final Pattern LONG_DIGIT_RUN = Pattern.compile("\\d{4,}");

  private AgiLines() {}

  static String forLog(String line) {
    String shortened = line.length() <= MAX_CHARS ? line : line.substring(0, MAX_CHARS) + "...";
    return LONG_DIGIT_RUN.matcher(shortened).replaceAll(run -> "*".repeat(run.group().length()));
  }
}
