package org.hotline.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.kb.content.BundledContent;
import org.hotline.kb.content.ContentException;
import org.hotline.kb.content.ContentSource;
import org.hotline.kb.ranking.ConfidenceModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadableKnowledgeBaseTest {

  @Test
  void aBadEditLeavesTheOldVersionServing(@TempDir Path dir) throws IOException {
    BundledContent.copyTo(dir);
    ReloadableKnowledgeBase kb = new ReloadableKnowledgeBase(ContentSource.directory(dir), ConfidenceModel.bundled());
    KnowledgeBase before = kb.current();
    AtomicInteger reloads = new AtomicInteger();
    kb.onReload(next -> reloads.incrementAndGet());

    Path file = dir.resolve("credit-card.json");
    String original = Files.readString(file, StandardCharsets.UTF_8);
    Files.writeString(file, original.replaceFirst("\"voiceAnswer\"\\s*:\\s*\"[^\"]*\"", "\"voiceAnswer\": \"\""),
        StandardCharsets.UTF_8);
    ContentException e = assertThrows(ContentException.class, kb::reload);
    assertEquals("credit-card.json", e.file());
    assertEquals("credit-card.apply-materials", e.entryId());
    assertEquals("missing voice answer", e.problem());
    assertSame(before, kb.current());
    assertEquals(0, reloads.get());

    Files.writeString(file, original.replace("信用卡丢了怎么办？", "信用卡不慎遗失应如何处理？"), StandardCharsets.UTF_8);
    KnowledgeBase after = kb.reload();
    assertSame(after, kb.current());
    assertEquals(1, reloads.get());
    assertEquals("信用卡不慎遗失应如何处理？", after.content().entry("credit-card.lost").orElseThrow().question());
  }
}
