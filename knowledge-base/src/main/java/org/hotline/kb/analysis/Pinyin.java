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
        out.append(ChineseCharacters.fuzzyPinyin(c)).append(' ');
      } else if (Character.isLetterOrDigit(c)) {
        out.append(Character.toLowerCase(c)).append(' ');
      }
    }
    return out.toString();
  }

  /**
   * Folds the sound distinctions that speech recognisers and southern accents lose: initials
   * zh/z, ch/c, sh/s and n/l, finals ing/in and eng/en.
   */
  public static String fuzzy(String syllable) {
    String s = syllable;
    if (s.startsWith("zh") || s.startsWith("ch") || s.startsWith("sh")) {
      s = s.charAt(0) + s.substring(2);
    } else if (s.startsWith("n") && !s.equals("n") && !s.equals("ng")) {
      s = "l" + s.substring(1);
    }
    if (s.endsWith("ing")) {
      s = s.substring(0, s.length() - 1);
    } else if (s.endsWith("eng")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }
}
