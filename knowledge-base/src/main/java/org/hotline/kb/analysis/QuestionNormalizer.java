package org.hotline.kb.analysis;

import static java.util.Objects.requireNonNull;

/**
 * Turns a question as typed or transcribed into the form that is analysed and cached: full-width
 * to half-width, lower case, traditional to simplified, Hong Kong and Taiwan wordings to Mandarin
 * ({@link RegionalWording}), spoken fillers removed, punctuation and
 * spaces removed (kept as one space only between two Latin letters or digits), synonyms
 * canonicalised. The same normalisation is applied to the content when the index is built.
 * Immutable; thread-safe.
 */
public final class QuestionNormalizer {
  private final SynonymCanonicalizer synonyms;

  public QuestionNormalizer(SynonymCanonicalizer synonyms) {
    this.synonyms = requireNonNull(synonyms, "synonyms");
  }

  public String normalize(String question) {
    return synonyms.canonicalize(normalizeWithoutSynonyms(question));
  }

  /**
   * Everything {@link #normalize} does except synonym canonicalisation: the content's own wording,
   * indexed by sound as well, so that a misheard short form (消鞋 for 消协) still meets it.
   */
  public String normalizeWithoutSynonyms(String question) {
    return SpokenFillers.strip(dropLongNumbers(spokenDigits(RegionalWording.toMandarin(foldCharacters(question)))));
  }

  private static final java.util.regex.Pattern LONG_NUMBER = java.util.regex.Pattern.compile("\\d(?: ?\\d){6,}");

  /**
   * Removes runs of seven or more digits: phone, card and ID numbers say nothing about the
   * question, and their digit pairs would match content by chance. Hotline numbers (110, 12315,
   * 96110) are shorter and stay.
   */
  static String dropLongNumbers(String text) {
    int digits = 0;
    for (int i = 0; i < text.length() && digits < 7; i++) {
      if (Character.isDigit(text.charAt(i))) {
        digits++;
      }
    }
    // Most questions hold fewer than seven digits in all: no run to drop, no matcher to run.
    return digits < 7 ? text : LONG_NUMBER.matcher(text).replaceAll("");
  }

  private static final String DIGIT_WORDS = "零〇一幺二两三四五六七八九";
  private static final String DIGIT_VALUES = "0011223456789";

  /**
   * Turns runs of three or more spoken digits into Arabic digits, as recognisers write phone numbers
   * either way: 一二三一五 → 12315, 九六幺幺零 → 96110. Shorter runs stay words (一二 is rarely a number).
   */
  static String spokenDigits(String text) {
    StringBuilder out = null;
    int i = 0;
    while (i < text.length()) {
      int end = i;
      while (end < text.length() && DIGIT_WORDS.indexOf(text.charAt(end)) >= 0) {
        end++;
      }
      if (end - i >= 3) {
        if (out == null) {
          out = new StringBuilder(text.length()).append(text, 0, i);
        }
        for (int k = i; k < end; k++) {
          out.append(DIGIT_VALUES.charAt(DIGIT_WORDS.indexOf(text.charAt(k))));
        }
        i = end;
      } else {
        if (out != null) {
          out.append(text, i, Math.max(end, i + 1));
        }
        i = Math.max(end, i + 1);
      }
    }
    return out == null ? text : out.toString();
  }

  /** Width, case and script folding plus punctuation removal, without filler or synonym handling. */
  static String foldCharacters(String question) {
    String text = compatibilityForms(question);
    StringBuilder out = new StringBuilder(text.length());
    boolean pendingSpace = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '\uFF01' && c <= '\uFF5E') {
        c = (char) (c - 0xFEE0); // full-width ASCII forms
      }
      if (ChineseCharacters.isHan(c)) {
        out.append(ChineseCharacters.simplified(c));
        pendingSpace = false;
      } else if (Character.isLetterOrDigit(c)) {
        if (pendingSpace && out.length() > 0 && isAsciiAlnum(out.charAt(out.length() - 1)) && isAsciiAlnum(c)) {
          out.append(' ');
        }
        out.append(Character.toLowerCase(c));
        pendingSpace = false;
      } else {
        pendingSpace = true;
      }
    }
    return out.toString();
  }

  /**
   * NFKC for text that holds compatibility forms: Kangxi and supplementary radicals (⾦融 pasted from
   * a PDF is 金融), CJK compatibility ideographs, enclosed numbers (①) and the ideographic space.
   * Other text is returned as it is, which spares the normaliser on almost every question.
   */
  static String compatibilityForms(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c >= '\u2460' && c <= '\u24FF') || (c >= '\u2E80' && c <= '\u2FDF') || c == '\u3000'
          || (c >= '\u3200' && c <= '\u33FF') || (c >= '\uF900' && c <= '\uFAFF')) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC);
      }
    }
    return text;
  }

  private static boolean isAsciiAlnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
