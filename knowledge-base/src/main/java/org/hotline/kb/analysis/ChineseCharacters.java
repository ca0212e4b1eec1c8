package org.hotline.kb.analysis;

import com.ibm.icu.text.Transliterator;

/**
 * Per-character tables for the CJK Unified Ideographs block: the simplified form of each
 * traditional character and the toneless pinyin of each character, computed once from ICU's
 * {@code Traditional-Simplified} and {@code Han-Latin} transforms. Lookups are then array reads,
 * which keeps ICU's (slower, not thread-safe) transliterators off the request path.
 *
 * <p>Immutable after class initialisation; thread-safe. Call {@link #warmUp()} at start-up.
 */
public final class ChineseCharacters {
  /** The first and last character of the CJK Unified Ideographs block. */
  public static final char FIRST = '\u4E00';
  public static final char LAST = '\u9FFF';

  private ChineseCharacters() {}

  /** Forces the tables to load now rather than on the first request. */
  public static void warmUp() {
    Tables.SIMPLIFIED.length();
  }

  public static boolean isHan(char c) {
    return c >= FIRST && c <= LAST;
  }

  /** The distinct Han characters of a text, in order of first appearance. */
  public static java.util.Set<String> distinctHan(String text) {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    for (int i = 0; i < text.length(); i++) {
      if (isHan(text.charAt(i))) {
        out.add(String.valueOf(text.charAt(i)));
      }
    }
    return out;
  }

  /** The simplified form of a character; the character itself when it has none. */
  public static char simplified(char c) {
    return isHan(c) ? Tables.SIMPLIFIED.charAt(c - FIRST) : c;
  }

  /** Toneless pinyin of a Han character (one reading, the most common), or null for other characters. */
  public static String pinyin(char c) {
    return isHan(c) ? Tables.PINYIN[c - FIRST] : null;
  }

  /** The pinyin of a Han character with accent confusions folded ({@link Pinyin#fuzzy}), or null. */
  public static String fuzzyPinyin(char c) {
    return isHan(c) ? Tables.FUZZY_PINYIN[c - FIRST] : null;
  }

  /** The pairs of {@code /analysis/variant-characters.txt}: a character, a space, its simplified form. */
  private static java.util.List<String> variantPairs() {
    java.util.List<String> pairs = AnalysisTables.lines("variant-characters.txt");
    for (String line : pairs) {
      if (line.length() != 3 || !isHan(line.charAt(0)) || !isHan(line.charAt(2))) {
        throw new IllegalStateException("analysis/variant-characters.txt: bad line " + line);
      }
    }
    return pairs;
  }

  private static final class Tables {
    static final String SIMPLIFIED;
    static final String[] PINYIN;
    static final String[] FUZZY_PINYIN;

    static {
      Transliterator toSimplified = Transliterator.getInstance("Traditional-Simplified");
      Transliterator toPinyin = Transliterator.getInstance("Han-Latin; Latin-ASCII");
      int size = LAST - FIRST + 1;
      StringBuilder simplified = new StringBuilder(size);
      String[] pinyin = new String[size];
      for (int i = 0; i < size; i++) {
        String c = String.valueOf((char) (FIRST + i));
        String s = toSimplified.transliterate(c);
        simplified.append(s.length() == 1 ? s.charAt(0) : c.charAt(0));
        String p = toPinyin.transliterate(c).strip();
        pinyin[i] = p.isEmpty() || p.equals(c) ? c : p.toLowerCase(java.util.Locale.ROOT).intern();
      }
      // Where ICU stops short of mainland usage: 帳 becomes 帐, but bills and accounts are 账.
      String[][] overrides = {{"帐", "账"}, {"帳", "账"}, {"衞", "卫"}, {"妳", "你"}, {"祂", "他"}};
      for (String[] o : overrides) {
        simplified.setCharAt(o[0].charAt(0) - FIRST, o[1].charAt(0));
      }
      // Variants ICU leaves alone (峯, 査, 枱, 滙...): analysis/variant-characters.txt.
      for (String pair : variantPairs()) {
        simplified.setCharAt(pair.charAt(0) - FIRST, pair.charAt(2));
      }
      SIMPLIFIED = simplified.toString();
      PINYIN = pinyin;
      FUZZY_PINYIN = new String[size];
      for (int i = 0; i < size; i++) {
        FUZZY_PINYIN[i] = Pinyin.fuzzy(pinyin[i]).intern();
      }
    }
  }
}
