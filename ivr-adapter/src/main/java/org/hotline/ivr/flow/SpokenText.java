package org.hotline.ivr.flow;

/** Text prepared for speech synthesis: numbers a caller must hear are read digit by digit. Stateless. */
public final class SpokenText {
  private static final String DIGITS = "零一二三四五六七八九";

  private SpokenText() {}

  /** "12315" → "一二三一五". Non-digits are kept. */
  public static String digits(String number) {
    StringBuilder out = new StringBuilder(number.length());
    for (int i = 0; i < number.length(); i++) {
      char c = number.charAt(i);
      out.append(c >= '0' && c <= '9' ? DIGITS.charAt(c - '0') : c);
    }
    return out.toString();
  }

  /**
   * A voice answer as it should be synthesised. Voice answers write only numbers to be read one by
   * one as digits (hotline numbers), so every ASCII digit becomes its Chinese digit.
   */
  public static String forSpeech(String text) {
    return digits(text);
  }

  /** A menu label from an entry's question: without the trailing question mark. */
  public static String label(String question) {
    return question.replaceAll("[？?。！!]+$", "").strip();
  }
}
