package org.hotline.ivr.agi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgiEnvironmentTest {

  private static AgiEnvironment parse(List<String> lines) {
    AgiEnvironment.Builder builder = AgiEnvironment.builder();
    for (int i = 0; i < lines.size(); i++) {
      boolean last = builder.acceptLine(lines.get(i));
      assertEquals(i == lines.size() - 1, last, "only the empty line ends the block");
    }
    return builder.build();
  }

  @Test
  void readsTheEnvironmentAsteriskSends() {
    AgiEnvironment environment = parse(Transcript.ENVIRONMENT);

    assertEquals("agi://127.0.0.1:4573/hotline", environment.request());
    assertEquals("hotline", environment.script());
    assertEquals("Local/s@caller-00000001;1", environment.channel());
    assertEquals("1795944204.2", environment.uniqueId());
    assertEquals("13800138000", environment.callerId());
    assertEquals("en", environment.language());
    assertEquals(List.of("bank", "zh"), environment.arguments());
    assertEquals("95588", environment.get("agi_extension"));
    assertEquals("22.10.1+dfsg+~cs6.17.60671434-1", environment.get("agi_version"));
    assertEquals(24, environment.variables().size());
  }

  @Test
  void readsAnEmptyAccountCodeWithOrWithoutTheSpace() {
    AgiEnvironment withSpace = parse(List.of("agi_accountcode: ", "agi_network_script: hotline", ""));
    AgiEnvironment withoutSpace = parse(List.of("agi_accountcode:", ""));

    assertEquals("", withSpace.get("agi_accountcode"));
    assertEquals("hotline", withSpace.script());
    assertEquals("", withoutSpace.get("agi_accountcode"));
  }

  @Test
  void keepsColonsAndInnerSpacesOfValues() {
    AgiEnvironment environment = parse(List.of("agi_request: agi://h:4573/x", "agi_calleridname: Zhang  San ", ""));

    assertEquals("agi://h:4573/x", environment.request());
    assertEquals("Zhang  San ", environment.get("agi_calleridname"));
  }

  @Test
  void reportsAnUnknownOrEmptyCallerIdAsNull() {
    assertNull(parse(List.of("agi_callerid: unknown", "")).callerId());
    assertNull(parse(List.of("agi_callerid: ", "")).callerId());
    assertNull(parse(List.of("")).callerId());
  }

  @Test
  void stopsArgumentsAtTheFirstGap() {
    AgiEnvironment environment = parse(List.of("agi_arg_1: a", "agi_arg_3: c", ""));

    assertEquals(List.of("a"), environment.arguments());
  }

  @Test
  void aMalformedLineIsQuotedInTheErrorWithoutTheCallersNumber() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AgiEnvironment.builder().acceptLine("agi_callerid 13800138000"));

    assertEquals("not an AGI environment line: agi_callerid ***********", e.getMessage());
  }

  @Test
  void aLongMalformedLineIsShortenedInTheError() {
    String line = "agi_channel PJSIP/" + "x".repeat(80);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AgiEnvironment.builder().acceptLine(line));

    assertEquals("not an AGI environment line: " + line.substring(0, 60) + "...", e.getMessage());
  }

  @Test
  void rejectsLinesThatAreNotAgiVariables() {
    AgiEnvironment.Builder builder = AgiEnvironment.builder();

    assertThrows(IllegalArgumentException.class, () -> builder.acceptLine("GET / HTTP/1.1"));
    assertThrows(IllegalArgumentException.class, () -> builder.acceptLine("Host: example"));
    assertThrows(IllegalArgumentException.class, () -> builder.acceptLine("agi_network yes"));
    assertThrows(IllegalArgumentException.class, () -> builder.acceptLine("agi_: x"));
    assertFalse(builder.isComplete());
  }

  @Test
  void refusesLinesAfterTheEmptyLine() {
    AgiEnvironment.Builder builder = AgiEnvironment.builder();
    assertTrue(builder.acceptLine(""));

    assertThrows(IllegalStateException.class, () -> builder.acceptLine("agi_network: yes"));
  }

  @Test
  void isImmutable() {
    AgiEnvironment environment = parse(Transcript.ENVIRONMENT);

    assertThrows(UnsupportedOperationException.class, () -> environment.variables().put("agi_x", "y"));
    assertThrows(UnsupportedOperationException.class, () -> environment.arguments().add("z"));
  }
}
