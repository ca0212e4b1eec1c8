package org.hotline.kb.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites every synonym in a text to its group's canonical word (贷记卡 → 信用卡, 报失 → 挂失),
 * longest match first, so that questions and content meet on one vocabulary. Canonical words take
 * part in the matching too, so a longer canonical word shields its letters from a shorter synonym
 * (户口本 stays whole even where 户口 is rewritten). A word that begins or ends with a Latin letter
 * matches only as a whole word: pin inside shopping is left alone. Applied at query time and when
 * the index is built, so a synonym edit takes effect on the next reload. Immutable.
 */
public final class SynonymCanonicalizer {
  private final Map<String, String> canonicalOf = new HashMap<>();
  /** Per first character: the length of the longest word starting with it (0: none does). */
  private final short[] longestFrom = new short[Character.MAX_VALUE + 1];

  public SynonymCanonicalizer(List<List<String>> groups) {
    for (List<String> group : groups) {
      String canonical = group.get(0);
      for (String word : group) {
        if (!word.isEmpty()) {
          if (word.equals(canonical)) {
            canonicalOf.putIfAbsent(word, canonical); // a synonym elsewhere wins over itself
          } else {
            canonicalOf.put(word, canonical);
          }
          int first = word.charAt(0);
          longestFrom[first] = (short) Math.min(Short.MAX_VALUE, Math.max(longestFrom[first], word.length()));
        }
      }
    }
  }

  public String canonicalize(String text) {
    if (canonicalOf.isEmpty()) {
      return text;
    }
    StringBuilder out = null;
    int copiedUpTo = 0;
    int i = 0;
    while (i < text.length()) {
      int matched = 0;
      String canonical = null;
      int longestHere = longestFrom[text.charAt(i)];
      if (longestHere > 0) {
        for (int len = Math.min(longestHere, text.length() - i); len > 0 && canonical == null; len--) {
          canonical = canonicalOf.get(text.substring(i, i + len));
          matched = len;
          if (canonical != null && !wholeWord(text, i, i + len)) {
            canonical = null;
          }
        }
      }
      if (canonical == null) {
        i++;
        continue;
      }
      if (canonical.length() == matched && text.regionMatches(i, canonical, 0, matched)) {
        i += matched; // a canonical word: kept as it is
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length() + 8);
      }
      out.append(text, copiedUpTo, i).append(canonical);
      i += matched;
      copiedUpTo = i;
    }
    if (out == null) {
      return text;
    }
    return out.append(text, copiedUpTo, text.length()).toString();
  }

  /** False when a match that starts or ends with a Latin letter runs into another one. */
  private static boolean wholeWord(String text, int start, int end) {
    boolean latinStart = isLatin(text.charAt(start));
    boolean latinEnd = isLatin(text.charAt(end - 1));
    return !(latinStart && start > 0 && isLatin(text.charAt(start - 1)))
        && !(latinEnd && end < text.length() && isLatin(text.charAt(end)));
  }

  private static boolean isLatin(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
