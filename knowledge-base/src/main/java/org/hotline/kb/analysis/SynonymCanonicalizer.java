package org.hotline.kb.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites every synonym in a text to its group's canonical word (贷记卡 → 信用卡, 报失 → 挂失),
 * longest match first, so that questions and content meet on one vocabulary. Applied at query time
 * and when the index is built, so a synonym edit takes effect on the next reload. Immutable.
 */
public final class SynonymCanonicalizer {
  private final Map<String, String> canonicalOf = new HashMap<>();
  private final int longest;
  private final boolean[] mayStart = new boolean[Character.MAX_VALUE + 1];

  public SynonymCanonicalizer(List<List<String>> groups) {
    int max = 0;
    for (List<String> group : groups) {
      String canonical = group.get(0);
      for (String word : group) {
        if (!word.equals(canonical)) {
          canonicalOf.put(word, canonical);
          max = Math.max(max, word.length());
          mayStart[word.charAt(0)] = true;
        }
      }
    }
    this.longest = max;
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
      if (mayStart[text.charAt(i)]) {
        for (int len = Math.min(longest, text.length() - i); len > 0 && canonical == null; len--) {
          canonical = canonicalOf.get(text.substring(i, i + len));
          matched = len;
        }
      }
      if (canonical == null) {
        i++;
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
}
