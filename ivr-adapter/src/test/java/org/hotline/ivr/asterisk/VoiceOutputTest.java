package org.hotline.ivr.asterisk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoiceOutputTest {
  @TempDir Path cache;

  @Test
  void eachDistinctPromptIsRenderedOnceAndStreamedFromTheCache() throws Exception {
    RenderedVoiceOutput output = new RenderedVoiceOutput(cache, RenderedVoiceOutput.parseCommands("touch {file}"));
    VoiceOutput.Prepared first = output.prepare("您好，欢迎致电");
    Path wav = Path.of(first.files().get(0) + ".wav");
    assertTrue(Files.exists(wav));
    long modified = Files.getLastModifiedTime(wav).toMillis();
    Thread.sleep(20);
    assertEquals(first, output.prepare("您好，欢迎致电"));
    assertEquals(modified, Files.getLastModifiedTime(wav).toMillis(), "not rendered again");
    output.prepare("请稍候");
    assertEquals(2, output.cachedPrompts());
  }

  @Test
  void aNumberReadDigitByDigitReusesOneFilePerDigit() throws Exception {
    RenderedVoiceOutput output = new RenderedVoiceOutput(cache, RenderedVoiceOutput.parseCommands("touch {file}"));
    VoiceOutput.Prepared number = output.prepare("一零零零二三");
    assertEquals(6, number.files().size());
    assertEquals(number.files().get(1), number.files().get(2));
    assertEquals(4, output.cachedPrompts(), "一, 零, 二 and 三");
  }

  @Test
  void aFailingRenderCommandIsReportedAndLeavesNothingHalfWritten() throws Exception {
    RenderedVoiceOutput output = new RenderedVoiceOutput(cache, List.of(List.of("false", "{file}")));
    assertThrows(IllegalStateException.class, () -> output.prepare("坏的命令"));
    assertEquals(0, output.cachedPrompts());
  }

  @Test
  void execPromptsPassTheTextAsTheApplicationsArgument() {
    VoiceOutput.Prepared p = ExecVoiceOutput.parse("Verbose(0,{text})").prepare("按一，信用卡, 业务");
    assertEquals("EXEC", p.speak().word());
    assertEquals(List.of("Verbose", "0,按一，信用卡， 业务"), p.speak().arguments(), "a comma would split the argument");
    assertEquals("EXEC Verbose \"0,按一，信用卡， 业务\"", p.speak().toLine());
    assertTrue(p.files().isEmpty());
    assertThrows(IllegalArgumentException.class, () -> new ExecVoiceOutput("Festival", "no placeholder"));
  }

  @Test
  void speechInputIsParsedFromItsSetting() {
    assertEquals(new SpeechInput.None(), SpeechInput.parse("none"));
    assertEquals(new SpeechInput.Variable("ASR_TEXT", null, null), SpeechInput.parse("variable:ASR_TEXT"));
    assertEquals(new SpeechInput.Variable("ASR_TEXT", "MRCPRecog", "builtin:dictation"),
        SpeechInput.parse("variable:ASR_TEXT:MRCPRecog(builtin:dictation)"));
    assertEquals(new SpeechInput.Recognize("lumenvox", "hotline"), SpeechInput.parse("recognize:lumenvox:hotline"));
    assertThrows(IllegalArgumentException.class, () -> SpeechInput.parse("telepathy"));
  }
}
