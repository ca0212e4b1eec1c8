package org.hotline.kb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TermDictionaryTest {
  private final TermDictionary words = new TermDictionary(
      Map.of("信用卡", 2f, "信用", 3f, "卡", 1f, "挂失", 4f, "怎么", 1f, "怎么办", 2f, "atm", 3f),
      9f, List.of("征信"));

  @Test
  void findsTheLongestKnownWordAtEachPosition() {
    assertEquals(List.of("信用卡", "挂失", "怎么办"), words.longestMatches("信用卡挂失怎么办"));
    // Answer-only terms are words too; a character no term starts with stands alone.
    assertEquals(List.of("查", "征信", "卡"), words.longestMatches("查征信卡"));
  }

  @Test
  void keepsLatinAndDigitRunsWholeAndTermsDistinct() {
    assertEquals(List.of("atm", "吞", "卡", "12315", "怎么"), words.longestMatches("atm吞卡 卡12315怎么"));
    assertEquals(List.of("pin", "2"), words.longestMatches("pin2"));
  }

  @Test
  void splitsTextTheContentNeverUsesIntoCharacters() {
    assertEquals(List.of("天", "气", "好"), words.longestMatches("天气好"));
    assertEquals(List.of(), words.longestMatches(""));
  }
}
