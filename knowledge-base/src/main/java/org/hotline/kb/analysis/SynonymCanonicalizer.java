package org.hotline.kb.analysis;

import java.util.LinkedHashMap;
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
  /** Every word (synonyms and canonical words), numbered; its canonical word by number. */
  private final TermTable words;
  private final String[] canonicalOf;

  public SynonymCanonicalizer(List<List<String>> groups) {
    Map<String, String> canonicalOf = new LinkedHashMap<>();
    for (List<String> group : groups) {
      String canonical = group.get(0);
      for (String word : group) {
        if (!word.isEmpty()) {
          if (word.equals(canonical)) {
            canonicalOf.putIfAbsent(word, canonical); // a synonym elsewhere wins over itself
          } else {
            canonicalOf.put(word, canonical);
          }
        }
      }
    }
    this.words = new TermTable(List.copyOf(canonicalOf.keySet()));
    this.canonicalOf = canonicalOf.values().toArray(String[]::new);
  }

  public String canonicalize(String text) {
    if (canonicalOf.length == 0) {
      return text;
    }
    StringBuilder out = null;
    int copiedUpTo = 0;
    int i = 0;
    while (i < text.length()) {
      int matched = 0;
      String canonical = null;
      int longestHere = words.longestStartingWith(text.charAt(i));
      if (longestHere > 0) {
        for (int len = Math.min(longestHere, text.length() - i); len > 0 && canonical == null; len--) {
          int word = words.get(text, i, i + len);
          canonical = word < 0 || !wholeWord(text, i, i + len) ? null : canonicalOf[word];
          matched = len;
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
