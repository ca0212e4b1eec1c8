package org.hotline.ivr.agi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgiCommandTest {

  @Test
  void writesTheTranscriptsCommands() {
    assertEquals("ANSWER", AgiCommand.answer().toLine());
    assertEquals("VERBOSE \"hello from backend\" 1", AgiCommand.verbose("hello from backend", 1).toLine());
    assertEquals("SET VARIABLE IVR_NEXT menu", AgiCommand.setVariable("IVR_NEXT", "menu").toLine());
    assertEquals("GET VARIABLE CALLERID(num)", AgiCommand.getVariable("CALLERID(num)").toLine());
    assertEquals("GET DATA beep 5000 4", AgiCommand.getData("beep", 5000, 4).toLine());
    assertEquals("SAY DIGITS 12315 \"\"", AgiCommand.sayDigits("12315", "").toLine());
    assertEquals("EXEC Playback beep", AgiCommand.exec("Playback", "beep").toLine());
    assertEquals("WAIT FOR DIGIT 15000", AgiCommand.waitForDigit(15000).toLine());
    assertEquals("HANGUP", AgiCommand.hangup().toLine());
    assertEquals("NOOP", AgiCommand.noop().toLine());
  }

  @Test
  void writesEscapeDigitsUnquotedBecauseAsteriskReadsThemTheSame() {
    // The transcript quotes "0123456789*#"; Asterisk's parser yields the same argument either way.
    assertEquals("STREAM FILE demo-congrats 0123456789*#",
        AgiCommand.streamFile("demo-congrats", "0123456789*#").toLine());
    assertEquals("STREAM FILE demo-congrats \"\"", AgiCommand.streamFile("demo-congrats", "").toLine());
  }

  @Test
  void quotesArgumentsWithBlanksQuotesBackslashesOrNothing() {
    assertEquals("SET VARIABLE X \"a b\"", AgiCommand.setVariable("X", "a b").toLine());
    assertEquals("SET VARIABLE X \"a\tb\"", AgiCommand.setVariable("X", "a\tb").toLine());
    assertEquals("SET VARIABLE X \"say \\\"hi\\\"\"", AgiCommand.setVariable("X", "say \"hi\"").toLine());
    assertEquals("SET VARIABLE X \"C:\\\\tmp\"", AgiCommand.setVariable("X", "C:\\tmp").toLine());
    assertEquals("SET VARIABLE X \"\"", AgiCommand.setVariable("X", "").toLine());
  }

  @Test
  void leavesChineseTextUnquotedUnlessItHasBlanks() {
    assertEquals("VERBOSE 信用卡丢了 1", AgiCommand.verbose("信用卡丢了", 1).toLine());
    assertEquals("VERBOSE \"信用卡 丢了\" 1", AgiCommand.verbose("信用卡 丢了", 1).toLine());
  }

  @Test
  void refusesLineBreaksInArguments() {
    assertThrows(IllegalArgumentException.class, () -> AgiCommand.verbose("two\nlines", 1));
    assertThrows(IllegalArgumentException.class, () -> AgiCommand.setVariable("X", "a\rb"));
    assertThrows(IllegalArgumentException.class, () -> AgiCommand.of("NOOP\nHANGUP"));
  }

  @Test
  void refusesMalformedWordsAndValues() {
    assertThrows(IllegalArgumentException.class, () -> AgiCommand.of(""));
    assertThrows(IllegalArgumentException.class, () -> AgiCommand.of(" ANSWER"));
    assertThrows(IllegalArgumentException.class, () -> AgiCommand.streamFile("beep", "12a"));
    assertThrows(IllegalArgumentException.class, () -> AgiCommand.getData("beep", -1, 4));
    assertThrows(IllegalArgumentException.class, () -> AgiCommand.verbose("x", 5));
    assertThrows(NullPointerException.class, () -> AgiCommand.setVariable("X", null));
  }

  @Test
  void joinsExecOptionsIntoOneCommaSeparatedArgument() {
    assertEquals("EXEC Queue support,t,,,300", AgiCommand.exec("Queue", "support", "t", "", "", "300").toLine());
    assertEquals("EXEC Playback \"hello world,beep\"", AgiCommand.exec("Playback", "hello world", "beep").toLine());
    assertEquals("EXEC Answer", AgiCommand.exec("Answer").toLine());
  }

  @Test
  void writesSpeechCommandsWithTheTimeoutInWholeSeconds() {
    assertEquals("SPEECH CREATE unimrcp", AgiCommand.speechCreate("unimrcp").toLine());
    assertEquals("SPEECH RECOGNIZE ask-question 5", AgiCommand.speechRecognize("ask-question", 4500).toLine());
    assertEquals("SPEECH DESTROY", AgiCommand.speechDestroy().toLine());
  }

  @Test
  void carriesTheTimeoutOfCommandsThatWaitOnTheCaller() {
    assertEquals(Duration.ofMillis(5000), AgiCommand.getData("beep", 5000, 4).ownTimeout());
    assertEquals(Duration.ofMillis(15000), AgiCommand.waitForDigit(15000).ownTimeout());
    assertEquals(Duration.ZERO, AgiCommand.waitForDigit(-1).ownTimeout());
    assertEquals(Duration.ofSeconds(5), AgiCommand.speechRecognize("p", 4500).ownTimeout());
    assertEquals(Duration.ZERO, AgiCommand.answer().ownTimeout());
  }

  @Test
  void exposesWordAndArguments() {
    AgiCommand command = AgiCommand.of("SAY NUMBER", "42", "");

    assertEquals("SAY NUMBER", command.word());
    assertEquals(List.of("42", ""), command.arguments());
    assertEquals(AgiCommand.of("SAY NUMBER", "42", ""), command);
    assertEquals("SAY NUMBER 42 \"\"", command.toString());
  }
}
