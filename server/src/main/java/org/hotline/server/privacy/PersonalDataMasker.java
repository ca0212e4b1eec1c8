package org.hotline.server.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data in free text before it is stored, logged or shown: secrets after 密码 /
 * 验证码 / CVV, 18-digit ID numbers, Luhn-valid card numbers of 13–19 digits (spaces or dashes
 * allowed), mainland mobile numbers and landline numbers with their area code. Digits count however
 * they were typed or transcribed: ASCII, full-width (a Chinese input method's full-width mode) or
 * Chinese numerals read one by one (一三八…, 幺 for one), as speech recognisers write them. Text
 * that is not masked is left exactly as it was. Stateless; thread-safe.
 */
public final class PersonalDataMasker {
  private static final String DIGIT = "[0-9０-９零〇一二三四五六七八九幺两]";
  /** What a password or code may be made of: printable ASCII, its full-width forms, numerals. */
  private static final String SECRET_CHAR = "[\\x21-\\x7E\\uFF01-\\uFF5E零〇一二三四五六七八九幺两"
      + "&&[^\\uFF0C\\uFF01\\uFF1F\\uFF1B\\uFF1A\\uFF08\\uFF09]]"; // not ，！？；：（）, which end it
  private static final Pattern SECRET = Pattern.compile(
      "(密码|口令|验证码|校验码|动态码|安全码|cvv2?|cvc)"
          + "(\\s*(?:就是|是|为|改成了?|改为|设成|设为|设的是|设置为|设置成)?\\s*[:：=]?\\s*)"
          + "(" + SECRET_CHAR + "{3,64})",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern ID_NUMBER = Pattern.compile(
      "(?<![0-9A-Za-z０-９Ａ-Ｚａ-ｚ]|" + DIGIT + ")(" + DIGIT + "{17}(?:" + DIGIT + "|[XxＸｘ]))"
          + "(?![0-9A-Za-z０-９Ａ-Ｚａ-ｚ]|" + DIGIT + ")");
  private static final Pattern CARD = Pattern.compile( // not after '+': +86… is a phone number
      "(?<!\\+|" + DIGIT + ")(" + DIGIT + "(?:[ -]?" + DIGIT + "){12,18})(?!" + DIGIT + ")");
  private static final Pattern MOBILE = Pattern.compile("(?<!" + DIGIT + ")(?:\\+?86[ -]?)?"
      + "([1１一幺][3-9３-９三四五六七八九]" + DIGIT + ")[ -]?(" + DIGIT + "{4})[ -]?(" + DIGIT + "{4})"
      + "(?!" + DIGIT + ")");
  /** Area code (010, 021, 0755…) then a 7- or 8-digit number; (021) and 021- forms too. */
  private static final Pattern LANDLINE = Pattern.compile("(?<!" + DIGIT + ")([(（]?)([0０零〇][1-9１-９一二三四五六七八九]"
      + DIGIT + "{1,2}?)([)）]?[ -]?)" + DIGIT + "{3,4}(" + DIGIT + "{4})(?!" + DIGIT + ")");

  public String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = SECRET.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
        m.group(1) + m.group(2) + "*".repeat(Math.max(6, m.group(3).length()))));
    out = ID_NUMBER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(
        "*".repeat(14) + asciiDigits(m.group(1).substring(14))));
    out = CARD.matcher(out).replaceAll(m -> {
      String digits = asciiDigits(m.group(1).replaceAll("[ -]", ""));
      if (!luhnValid(digits)) {
        return Matcher.quoteReplacement(m.group());
      }
      return "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
    });
    out = MOBILE.matcher(out).replaceAll(m -> asciiDigits(m.group(1)) + "****" + asciiDigits(m.group(3)));
    out = LANDLINE.matcher(out).replaceAll(m -> Matcher.quoteReplacement(
        m.group(1) + asciiDigits(m.group(2)) + m.group(3) + "****" + asciiDigits(m.group(4))));
    return out;
  }

  /**
   * A value known to be a telephone number (a caller's number): masked like a number in text and,
   * where it has no recognisable form (a short local number), all but its last four digits.
   */
  public String maskPhoneNumber(String number) {
    if (number == null) {
      return null;
    }
    String masked = mask(number);
    if (!masked.equals(number)) {
      return masked;
    }
    String digits = asciiDigits(number.replaceAll("[^0-9０-９]", ""));
    return digits.length() <= 4 ? number : "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
  }

  /** Whether there is anything to mask, for the one-time warning to the customer. */
  public boolean containsPersonalData(String text) {
    return text != null && !mask(text).equals(text);
  }

  /** The digits written as ASCII: full-width digits and Chinese numerals folded, X and the rest kept. */
  static String asciiDigits(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int zh = "零一二三四五六七八九".indexOf(c);
      if (c >= '０' && c <= '９') {
        out.append((char) ('0' + (c - '０')));
      } else if (zh >= 0) {
        out.append((char) ('0' + zh));
      } else if (c == '〇') {
        out.append('0');
      } else if (c == '幺') {
        out.append('1');
      } else if (c == '两') {
        out.append('2');
      } else if (c == 'Ｘ' || c == 'ｘ') {
        out.append('X');
      } else {
        out.append(c);
      }
    }
    return out.toString();
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
