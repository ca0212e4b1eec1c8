package org.hotline.server.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data in free text before it is stored, logged or shown: secrets after 密码 /
 * 验证码 / CVV, 18-digit ID numbers, Luhn-valid card numbers of 13–19 digits (spaces or dashes
 * allowed), and mainland mobile numbers. Stateless; thread-safe.
 */
public final class PersonalDataMasker {
  private static final Pattern SECRET = Pattern.compile(
      "(密码|口令|验证码|校验码|动态码|安全码|cvv2?|cvc)(\\s*(?:是|为|:|：|=)?\\s*)([0-9A-Za-z]{3,12})",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])(\\d{17}[\\dXx])(?![0-9A-Za-z])");
  private static final Pattern CARD = Pattern.compile("(?<!\\d)(\\d(?:[ -]?\\d){12,18})(?!\\d)");
  private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(?:\\+?86[ -]?)?(1[3-9]\\d)[ -]?(\\d{4})[ -]?(\\d{4})(?!\\d)");

  public String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = SECRET.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
        m.group(1) + m.group(2) + "*".repeat(Math.max(6, m.group(3).length()))));
    out = ID_NUMBER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(
        "*".repeat(14) + m.group(1).substring(14)));
    out = CARD.matcher(out).replaceAll(m -> {
      String digits = m.group(1).replaceAll("[ -]", "");
      if (!luhnValid(digits)) {
        return Matcher.quoteReplacement(m.group());
      }
      return "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
    });
    out = MOBILE.matcher(out).replaceAll(m -> m.group(1) + "****" + m.group(3));
    return out;
  }

  /** Whether there is anything to mask, for the one-time warning to the customer. */
  public boolean containsPersonalData(String text) {
    return text != null && !mask(text).equals(text);
  }

  static boolean luhnValid(String digits) {
    int sum = 0;
    boolean doubleIt = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (doubleIt) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubleIt = !doubleIt;
    }
    return sum % 10 == 0;
  }
}
