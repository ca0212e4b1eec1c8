package org.hotline.kb.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The term sequences of the two n-gram fields, computed directly from normalised text: overlapping
 * character bigrams, and bigrams of fuzzy pinyin syllables. The same functions feed the Lucene
 * fields at index time ({@link FieldAnalyzers}) and the features at query time, so both always
 * agree; computing them without a token-stream chain roughly halves their cost on the request path.
 * Stateless.
 */
public final class TermSequences {
  private TermSequences() {}

  /**
   * Overlapping bigrams of each run of Han characters (a lone character stands as itself) and each
   * run of letters and digits as one lower-case term: 打95588转人工 → 打, 95588, 转人, 人工.
   */
  public static List<String> characterBigrams(String text) {
    List<String> out = new ArrayList<>(text.length());
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (isIdeograph(c)) {
        int end = i + 1;
        while (end < n && isIdeograph(text.charAt(end))) {
          end++;
        }
        if (end - i == 1) {
          out.add(String.valueOf(c));
        } else {
          for (int k = i; k + 1 < end; k++) {
            out.add(text.substring(k, k + 2));
          }
        }
        i = end;
      } else if (Character.isLetterOrDigit(c)) {
        int end = i + 1;
        while (end < n && Character.isLetterOrDigit(text.charAt(end)) && !isIdeograph(text.charAt(end))) {
          end++;
        }
        out.add(text.substring(i, end).toLowerCase(java.util.Locale.ROOT));
        i = end;
      } else {
        i++;
      }
    }
    return out;
  }

  /**
   * Bigrams of syllables, concatenated: one syllable per Han character (its fuzzy toneless pinyin,
   * {@link Pinyin#fuzzy}), one per digit (each is spoken alone: 12315 pairs up like 一二三一五) and
   * one per run of letters. Other characters separate syllables without breaking the pairs. A text
   * of a single syllable gives that syllable: 逾期还款 → yuqi, qihai, haikuan; 卡 → ka.
   */
  public static List<String> pinyinBigrams(String text) {
    List<String> syllables = new ArrayList<>(text.length());
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (ChineseCharacters.isHan(c)) {
        syllables.add(ChineseCharacters.fuzzyPinyin(c));
        i++;
      } else if (c >= '0' && c <= '9') {
        syllables.add(String.valueOf(c));
        i++;
      } else if (Character.isLetterOrDigit(c)) {
        int end = i + 1;
        while (end < n && Character.isLetter(text.charAt(end)) && !ChineseCharacters.isHan(text.charAt(end))) {
          end++;
        }
        syllables.add(text.substring(i, end).toLowerCase(java.util.Locale.ROOT));
        i = end;
      } else {
        i++;
      }
    }
    if (syllables.size() == 1) {
      return syllables;
    }
    List<String> out = new ArrayList<>(Math.max(0, syllables.size() - 1));
    for (int k = 0; k + 1 < syllables.size(); k++) {
      out.add(syllables.get(k).concat(syllables.get(k + 1)));
    }
    return out;
  }

  /** Whether a character is one of a run that {@link #characterBigrams} pairs up. */
  public static boolean isIdeograph(char c) {
    return ChineseCharacters.isHan(c) || Character.isIdeographic(c);
  }
}
