package org.hotline.kb.analysis;

import java.util.Arrays;
import java.util.List;

/**
 * Rewrites written Cantonese and Taiwan wordings to Mandarin (唔見咗 → 不见了, 點算 → 怎么办,
 * 甚麼 → 什么, 晶片 → 芯片), after the characters are folded to simplified: ICU's conversion is
 * character by character and leaves Hong Kong grammar words and Taiwan vocabulary alone. The table
 * is {@code /analysis/regional-wording.txt}, part of the analysis rather than of the editable
 * content. Immutable; thread-safe.
 */
final class RegionalWording {
  private static final SynonymCanonicalizer TABLE = new SynonymCanonicalizer(load());

  private RegionalWording() {}

  static String toMandarin(String folded) {
    return TABLE.canonicalize(folded);
  }

  private static List<List<String>> load() {
    // Written in either script; matched after folding, so fold the table the same way.
    return AnalysisTables.lines("regional-wording.txt").stream()
        .map(line -> Arrays.stream(line.split(","))
            .map(QuestionNormalizer::foldCharacters)
            .distinct()
            .toList())
        .toList();
  }
}
