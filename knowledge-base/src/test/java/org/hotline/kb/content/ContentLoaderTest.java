package org.hotline.kb.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentLoaderTest {
  private final ContentLoader loader = new ContentLoader();

  @Test
  void bundledContentHasTwoHundredEntriesAcrossEveryCategory() {
    KnowledgeBaseContent content = loader.load(ContentSource.bundled());
    assertTrue(content.size() >= 200, "entries: " + content.size());
    Set<String> used = content.entries().stream().map(FaqEntry::category).collect(Collectors.toSet());
    Set<String> declared = content.categories().stream().map(Category::id).collect(Collectors.toSet());
    assertEquals(declared, used);
    for (FaqEntry e : content.entries()) {
      assertTrue(e.alternates().size() >= 4, e.id());
      assertTrue(!e.voiceAnswer().contains("http"), e.id());
      assertTrue(e.voiceAnswer().length() < e.answer().length() + 1, e.id() + " voice answer not short");
    }
    assertTrue(content.entry("credit-card.lost").isPresent());
    assertTrue(content.synonymGroups().stream().anyMatch(g -> g.contains("贷记卡")));
  }

  @Test
  void bundledVoiceAnswersAreShortAndReadOnlyKnownHotlineNumbersAsDigits() {
    // Digits in a voice answer are read one by one, so only phone numbers may be digits, and only
    // the official lines: the content must never invent a number.
    Set<String> hotlines = Set.of("110", "12315", "12378", "12363", "96110");
    java.util.regex.Pattern digits = java.util.regex.Pattern.compile("\\d+");
    for (FaqEntry e : loader.load(ContentSource.bundled()).entries()) {
      assertTrue(e.voiceAnswer().length() <= 90, e.id() + " voice answer is " + e.voiceAnswer().length());
      var m = digits.matcher(e.voiceAnswer());
      while (m.find()) {
        assertTrue(hotlines.contains(m.group()), e.id() + " reads out " + m.group());
      }
    }
  }

  @Test
  void bundledAlternatesAreDistinctWithinEachEntry() {
    for (FaqEntry e : loader.load(ContentSource.bundled()).entries()) {
      assertEquals(e.allQuestions().size(), Set.copyOf(e.allQuestions()).size(), e.id());
    }
  }

  @Test
  void loadsAValidDirectory(@TempDir Path dir) throws IOException {
    writeValid(dir);
    KnowledgeBaseContent content = loader.load(ContentSource.directory(dir));
    assertEquals(1, content.size());
    assertEquals("信用卡丢了怎么办？", content.entry("credit-card.lost").orElseThrow().question());
    assertTrue(content.fraudTriggers().isEmpty());
    assertEquals(java.util.List.of(java.util.List.of("信用卡", "贷记卡")), content.synonymGroups());
  }

  @Test
  void duplicateIdNamesBothFiles(@TempDir Path dir) throws IOException {
    writeValid(dir);
    Files.writeString(dir.resolve("categories.json"),
        "[{\"id\":\"credit-card\",\"name\":\"信用卡\"},{\"id\":\"password\",\"name\":\"密码\"}]");
    write(dir, "password.json", "credit-card", entry("credit-card.lost", "答案", "语音"));
    ContentException e = assertThrows(ContentException.class, () -> loader.load(ContentSource.directory(dir)));
    assertEquals("password.json", e.file());
    assertEquals("credit-card.lost", e.entryId());
    assertTrue(e.getMessage().contains("duplicate id (also in credit-card.json)"), e.getMessage());
  }

  @Test
  void emptyAnswerIsNamed(@TempDir Path dir) throws IOException {
    writeValid(dir);
    write(dir, "credit-card.json", "credit-card", entry("credit-card.lost", " ", "语音"));
    ContentException e = assertThrows(ContentException.class, () -> loader.load(ContentSource.directory(dir)));
    assertEquals("credit-card.json: entry 'credit-card.lost': empty answer", e.getMessage());
  }

  @Test
  void missingVoiceAnswerIsNamed(@TempDir Path dir) throws IOException {
    writeValid(dir);
    write(dir, "credit-card.json", "credit-card", entry("credit-card.lost", "答案", null));
    ContentException e = assertThrows(ContentException.class, () -> loader.load(ContentSource.directory(dir)));
    assertEquals("missing voice answer", e.problem());
    assertEquals("credit-card.lost", e.entryId());
  }

  @Test
  void unknownCategoryIsNamed(@TempDir Path dir) throws IOException {
    writeValid(dir);
    write(dir, "weather.json", "weather", entry("weather.today", "答案", "语音"));
    ContentException e = assertThrows(ContentException.class, () -> loader.load(ContentSource.directory(dir)));
    assertEquals("weather.json", e.file());
    assertEquals("unknown category 'weather'", e.problem());
  }

  @Test
  void tooFewAlternatesAndBrokenJsonAreNamed(@TempDir Path dir) throws IOException {
    writeValid(dir);
    Files.writeString(dir.resolve("credit-card.json"), "{\"category\": \"credit-card\", \"entries\": [",
        StandardCharsets.UTF_8);
    ContentException broken = assertThrows(ContentException.class, () -> loader.load(ContentSource.directory(dir)));
    assertEquals("credit-card.json", broken.file());
    assertTrue(broken.problem().startsWith("invalid JSON"), broken.problem());

    Files.writeString(dir.resolve("credit-card.json"), """
        {"category": "credit-card", "entries": [{"id": "credit-card.lost", "question": "丢卡",
         "alternates": ["一", "二"], "answer": "答", "voiceAnswer": "答"}]}""", StandardCharsets.UTF_8);
    ContentException few = assertThrows(ContentException.class, () -> loader.load(ContentSource.directory(dir)));
    assertEquals("needs at least 4 alternates, has 2", few.problem());
  }

  @Test
  void fraudTriggerMustNameAnExistingEntry(@TempDir Path dir) throws IOException {
    writeValid(dir);
    Files.writeString(dir.resolve("fraud-triggers.json"), "[{\"phrase\":\"安全账户\",\"faqId\":\"fraud.nope\"}]");
    ContentException e = assertThrows(ContentException.class, () -> loader.load(ContentSource.directory(dir)));
    assertEquals("fraud-triggers.json", e.file());
    assertTrue(e.problem().contains("unknown entry"), e.problem());
  }

  @Test
  void synonymWordOnTwoLinesIsRefused(@TempDir Path dir) throws IOException {
    writeValid(dir);
    Files.writeString(dir.resolve("synonyms.txt"), "信用卡,贷记卡\n借记卡,贷记卡\n", StandardCharsets.UTF_8);
    ContentException e = assertThrows(ContentException.class, () -> loader.load(ContentSource.directory(dir)));
    assertEquals("line 2: '贷记卡' is already on line 1", e.problem());
  }

  static void writeValid(Path dir) throws IOException {
    Files.writeString(dir.resolve("categories.json"), "[{\"id\":\"credit-card\",\"name\":\"信用卡\"}]");
    Files.writeString(dir.resolve("synonyms.txt"), "# groups\n信用卡,贷记卡\n", StandardCharsets.UTF_8);
    write(dir, "credit-card.json", "credit-card", entry("credit-card.lost", "请立即挂失。", "请马上挂失。"));
  }

  static String entry(String id, String answer, String voice) {
    return "{\"id\":\"" + id + "\",\"question\":\"信用卡丢了怎么办？\","
        + "\"alternates\":[\"卡丢了\",\"信用卡遗失\",\"我的信用卡找不到了怎么办\",\"信用卡挂失\"],"
        + "\"answer\":\"" + answer + "\""
        + (voice == null ? "" : ",\"voiceAnswer\":\"" + voice + "\"") + "}";
  }

  static void write(Path dir, String file, String category, String... entries) throws IOException {
    Files.writeString(dir.resolve(file),
        "{\"category\":\"" + category + "\",\"entries\":[" + String.join(",", entries) + "]}",
        StandardCharsets.UTF_8);
  }
}
