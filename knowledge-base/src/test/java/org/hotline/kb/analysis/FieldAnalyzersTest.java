package org.hotline.kb.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class FieldAnalyzersTest {

  @Test
  void bigramAnalyzerEmitsOverlappingCharacterPairs() throws IOException {
    assertAnalyzesTo(FieldAnalyzers.bigramAnalyzer(), "信用卡挂失", "信用", "用卡", "卡挂", "挂失");
  }

  @Test
  void wordAnalyzerSegmentsWithSmartcn() throws IOException {
    List<String> words = tokens(FieldAnalyzers.wordAnalyzer(), "信用卡被盗刷了");
    assertEquals("信用卡", words.get(0));
  }

  @Test
  void pinyinAnalyzerEmitsSyllableBigrams() throws IOException {
    assertAnalyzesTo(FieldAnalyzers.pinyinAnalyzer(), "逾期还款", "yuqi", "qihai", "haikuan");
  }

  @Test
  void homophonesMeetInThePinyinField() throws IOException {
    Analyzer pinyin = FieldAnalyzers.pinyinAnalyzer();
    assertEquals(tokens(pinyin, "逾期"), tokens(pinyin, "预期"));
    assertEquals(tokens(pinyin, "征信"), tokens(pinyin, "争信"));
    assertEquals(tokens(pinyin, "异议"), tokens(pinyin, "意义"));
    assertEquals(tokens(pinyin, "投诉"), tokens(pinyin, "头诉"));
    assertEquals(tokens(pinyin, "盗刷"), tokens(pinyin, "到刷"));
    assertNotEquals(tokens(pinyin, "挂失"), tokens(pinyin, "假币"));
  }

  @Test
  void pinyinFoldsAccentConfusions() {
    assertEquals("zen", Pinyin.fuzzy("zheng"));
    assertEquals("lian", Pinyin.fuzzy("nian"));
    assertEquals("xin", Pinyin.fuzzy("xing"));
    assertEquals("san", Pinyin.fuzzy("shan"));
  }

  @Test
  void latinRunsAndSingleCharactersSurvive() throws IOException {
    assertAnalyzesTo(FieldAnalyzers.pinyinAnalyzer(), "卡", "ka");
    assertAnalyzesTo(FieldAnalyzers.pinyinAnalyzer(), "cvv码", "cvvma");
  }

  @Test
  void bigramsKeepLatinAndDigitRunsWhole() throws IOException {
    assertAnalyzesTo(FieldAnalyzers.bigramAnalyzer(), "打95588转人工", "打", "95588", "转人", "人工");
    assertAnalyzesTo(FieldAnalyzers.bigramAnalyzer(), "atm机吞卡", "atm", "机吞", "吞卡");
    assertEquals(List.of("转人", "人工"), TermSequences.characterBigrams("转人工"));
  }

  @Test
  void digitsAreSyllablesOfTheirOwn() throws IOException {
    assertAnalyzesTo(FieldAnalyzers.pinyinAnalyzer(), "打110", "da1", "11", "10");
    assertEquals(List.of("wifian", "anquan"), TermSequences.pinyinBigrams("wifi 安全"));
  }

  static void assertAnalyzesTo(Analyzer analyzer, String text, String... expected) throws IOException {
    assertEquals(List.of(expected), tokens(analyzer, text));
  }

  static List<String> tokens(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("f", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        out.add(term.toString());
      }
      stream.end();
    }
    return out;
  }
}
