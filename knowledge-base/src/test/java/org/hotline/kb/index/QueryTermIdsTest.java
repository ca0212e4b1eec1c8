package org.hotline.kb.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import org.hotline.kb.analysis.ChineseCharacters;
import org.hotline.kb.analysis.QuestionNormalizer;
import org.hotline.kb.analysis.SynonymCanonicalizer;
import org.hotline.kb.analysis.TermSequences;
import org.hotline.kb.analysis.TextAnalysis;
import org.hotline.kb.content.ContentLoader;
import org.hotline.kb.content.ContentSource;
import org.hotline.kb.content.FaqEntry;
import org.hotline.kb.content.KnowledgeBaseContent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The id path must give exactly the terms the string definitions give, looked up one by one. */
class QueryTermIdsTest {
  private static final int MAX = 64;
  private static FaqIndex index;
  private static QueryTermIds ids;
  private static List<String> texts;

  @BeforeAll
  static void build() {
    KnowledgeBaseContent content = new ContentLoader().load(ContentSource.bundled());
    QuestionNormalizer normalizer = new QuestionNormalizer(new SynonymCanonicalizer(content.synonymGroups()));
    index = new FaqIndex(content, normalizer, new TextAnalysis());
    ids = index.queryTermIds();
    texts = new ArrayList<>();
    for (FaqEntry entry : content.entries()) {
      for (String question : entry.allQuestions()) {
        texts.add(question);
        texts.add(normalizer.normalize(question));
      }
      texts.add(normalizer.normalize(entry.answer()));
    }
    // Letters, digits, full-width forms, lone characters and syllables that concatenate alike
    // (西安 xi+an against 夏 xia), mixed with the content's own characters at random.
    texts.addAll(List.of("", "卡", "a", "7", "wifi密码2 atm吞卡", "ＡＴＭ机吞卡１２３", "西安夏嗯先", "xian西安",
        "打95588转人工", "pin2", "。，！", "𠀀卡"));
    String pool = "西安夏嗯先信用卡挂失冻结征信逾期假币诈骗验证码银行账户密码 ab1９ＡＢ，。";
    Random random = new Random(42);
    for (int n = 0; n < 2000; n++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(30);
      for (int i = 0; i < length; i++) {
        text.append(pool.charAt(random.nextInt(pool.length())));
      }
      texts.add(text.toString());
    }
  }

  @Test
  void wordsAreTheLongestMatchesLookedUp() {
    TermDictionary words = index.dictionary(TextAnalysis.WORDS);
    for (String text : texts) {
      assertArrayEquals(lookedUp(words, words.longestMatches(text), MAX), ids.words(text, MAX), text);
    }
  }

  @Test
  void longestMatchesAreTheLongestKnownTermsFromLeftToRight() {
    TermDictionary words = index.dictionary(TextAnalysis.WORDS);
    for (String text : texts) {
      assertEquals(longestFirst(words, text), words.longestMatches(text), text);
    }
  }

  @Test
  void bigramsAreTheCharacterBigramsLookedUp() {
    TermDictionary bigrams = index.dictionary(TextAnalysis.BIGRAMS);
    for (String text : texts) {
      assertArrayEquals(lookedUp(bigrams, TermSequences.characterBigrams(text), MAX), ids.bigrams(text, MAX), text);
    }
  }

  @Test
  void pinyinIsThePinyinBigramsLookedUp() {
    TermDictionary pinyin = index.dictionary(TextAnalysis.PINYIN);
    for (String text : texts) {
      assertArrayEquals(lookedUp(pinyin, TermSequences.pinyinBigrams(text), MAX), ids.pinyin(text, MAX), text);
    }
  }

  @Test
  void charsAreTheDistinctHanCharactersLookedUp() {
    TermDictionary chars = index.dictionary(FaqIndex.CHARS);
    for (String text : texts) {
      assertArrayEquals(lookedUp(chars, ChineseCharacters.distinctHan(text), MAX), ids.chars(text, MAX), text);
    }
  }

  @Test
  void keepsTheFirstDistinctTermsUpToTheCap() {
    TermDictionary pinyin = index.dictionary(TextAnalysis.PINYIN);
    String text = "信用卡挂失信用卡挂失怎么办理呢";
    int[] all = ids.pinyin(text, MAX);
    assertArrayEquals(lookedUp(pinyin, TermSequences.pinyinBigrams(text), 3), ids.pinyin(text, 3));
    assertArrayEquals(java.util.Arrays.copyOf(all, 3), ids.pinyin(text, 3));
    // Repeats count once: 信用卡挂失 twice gives its four bigrams and the one across the seam once.
    assertEquals(new LinkedHashSet<>(TermSequences.pinyinBigrams(text)).size(), all.length);
    assertTrue(all.length < TermSequences.pinyinBigrams(text).size());
  }

  /**
   * The walk done the plain way: at each Han character the longest known term of up to eight
   * characters that does not end in an ASCII character, else the character alone; runs of ASCII
   * letters or of digits whole.
   */
  private static List<String> longestFirst(TermDictionary dictionary, String text) {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c < 128) {
        int end = i + 1;
        if (Character.isLetterOrDigit(c)) {
          while (end < text.length() && text.charAt(end) < 128 && Character.isLetterOrDigit(text.charAt(end))
              && Character.isDigit(text.charAt(end)) == Character.isDigit(c)) {
            end++;
          }
          out.add(text.substring(i, end));
        }
        i = end;
        continue;
      }
      int length = Math.min(8, text.length() - i);
      while (length > 1 && (text.charAt(i + length - 1) < 128 || dictionary.id(text.substring(i, i + length)) < 0)) {
        length--;
      }
      out.add(text.substring(i, i + Math.max(1, length)));
      i += Math.max(1, length);
    }
    return List.copyOf(out);
  }

  /** The first {@code max} distinct terms as ids, -1 for each the dictionary lacks. */
  private static int[] lookedUp(TermDictionary dictionary, Collection<String> terms, int max) {
    return new LinkedHashSet<>(terms).stream().limit(max).mapToInt(dictionary::id).toArray();
  }
}
