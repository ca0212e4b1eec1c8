package org.hotline.kb.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SynonymCanonicalizerTest {
  private final SynonymCanonicalizer synonyms = new SynonymCanonicalizer(List.of(
      List.of("账户", "户口"),
      List.of("户口本", "户口簿"),
      List.of("密码", "pin"),
      List.of("信用卡", "贷记卡", "credit card")));

  @Test
  void rewritesLongestMatchFirst() {
    assertEquals("信用卡账户", synonyms.canonicalize("贷记卡户口"));
    assertEquals("户口本", synonyms.canonicalize("户口簿"));
  }

  @Test
  void aLongerCanonicalWordShieldsItsLettersFromAShorterSynonym() {
    assertEquals("带户口本", synonyms.canonicalize("带户口本"));
  }

  @Test
  void latinWordsMatchOnlyAsWholeWords() {
    assertEquals("输密码", synonyms.canonicalize("输pin"));
    assertEquals("shopping", synonyms.canonicalize("shopping"));
    assertEquals("spin", synonyms.canonicalize("spin"));
    assertEquals("信用卡账单", synonyms.canonicalize("credit card账单"));
  }
}
