package org.hotline.kb.analysis;

/** Pinyin of whole texts, for phrase matching that survives homophones. Stateless. */
public final class Pinyin {
  private Pinyin() {}

  /**
   * The accent-folded syllables of the Han characters and the Latin/digit characters of a text,
   * each followed by one space: 安全账户 → "an quan zan hu ". Other characters are dropped.
   */
  public static String syllables(String text) {
    StringBuilder out = new StringBuilder(text.length() * 4);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (ChineseCharacters.isHan(c)) {
        out.append(PinyinTokenizer.fuzzy(ChineseCharacters.pinyin(c))).append(' ');
      } else if (Character.isLetterOrDigit(c)) {
        out.append(Character.toLowerCase(c)).append(' ');
      }
    }
    return out.toString();
  }
}
