package org.hotline.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HotlineConfigTest {

  @Test
  void defaultsWhenNothingIsSet() {
    HotlineConfig config = HotlineConfig.from(Map.of(), List.of("serve"));
    assertEquals(8080, config.httpPort());
    assertEquals(4573, config.agiPort());
    assertEquals(Path.of("./data"), config.dataDir());
    assertNull(config.kbDir());
    assertNull(config.dbUrl(), "the embedded database");
    assertEquals(2, config.handoffAfter());
    assertEquals("bank", config.deadlinePolicy());
    assertEquals("espeak", config.tts());
    assertEquals("none", config.agiSpeech());
    assertEquals(List.of("serve"), config.arguments());
  }

  @Test
  void storageTelephonyAndDialogueSettingsAreRead() {
    HotlineConfig config = HotlineConfig.from(Map.of("HOTLINE_DB_URL", "jdbc:postgresql://db/hotline",
        "HOTLINE_HANDOFF_AFTER", "3"), List.of("--tts", "exec:Festival({text})", "--agi-speech", "variable:ASR",
        "--deadline-policy", "market", "--vxml-transfer", "sip:queue@pbx"));
    assertEquals("jdbc:postgresql://db/hotline", config.dbUrl());
    assertEquals(3, config.handoffAfter());
    assertEquals("exec:Festival({text})", config.tts());
    assertEquals("variable:ASR", config.agiSpeech());
    assertEquals("market", config.deadlinePolicy());
    assertEquals("sip:queue@pbx", config.vxmlTransfer());
    assertThrows(IllegalArgumentException.class, () -> HotlineConfig.from(Map.of(), List.of("--handoff-after", "0")));
  }

  @Test
  void flagsOverrideEnvironment() {
    HotlineConfig config = HotlineConfig.from(
        Map.of("HOTLINE_HTTP_PORT", "9000", "HOTLINE_KB_DIR", "/srv/kb", "PATH", "/bin"),
        List.of("serve", "--http-port", "9100", "--data-dir=/var/hotline"));
    assertEquals(9100, config.httpPort());
    assertEquals(Path.of("/srv/kb"), config.kbDir());
    assertEquals(Path.of("/var/hotline"), config.dataDir());
  }

  @Test
  void badValuesAndUnknownFlagsAreNamed() {
    IllegalArgumentException port = assertThrows(IllegalArgumentException.class,
        () -> HotlineConfig.from(Map.of("HOTLINE_HTTP_PORT", "eighty"), List.of()));
    assertTrue(port.getMessage().contains("HOTLINE_HTTP_PORT"), port.getMessage());
    assertThrows(IllegalArgumentException.class, () -> HotlineConfig.from(Map.of(), List.of("--http-port", "70000")));
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> HotlineConfig.from(Map.of(), List.of("--colour", "red")));
    assertTrue(unknown.getMessage().contains("--colour"), unknown.getMessage());
    assertThrows(IllegalArgumentException.class, () -> HotlineConfig.from(Map.of(), List.of("--kb-dir")));
  }
}
