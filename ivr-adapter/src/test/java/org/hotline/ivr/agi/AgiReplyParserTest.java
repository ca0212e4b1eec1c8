package org.hotline.ivr.agi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AgiReplyParserTest {

  @Test
  void readsAPlainResult() {
    AgiReply reply = AgiReplyParser.parse("200 result=0");

    assertEquals(new AgiReply(200, "0", null, Map.of(), null), reply);
    assertTrue(reply.success());
    assertEquals(0, reply.resultAsInt());
    assertFalse(reply.channelGone());
  }

  @Test
  void readsAVariableValueInParentheses() {
    AgiReply reply = AgiReplyParser.parse("200 result=1 (13800138000)");

    assertEquals("1", reply.result());
    assertEquals("13800138000", reply.data());
    assertEquals(Map.of(), reply.attributes());
  }

  @Test
  void readsAVariableValueHoldingSpacesParenthesesAndEqualSigns() {
    AgiReply reply = AgiReplyParser.parse("200 result=1 (queue (vip) a=b c)");

    assertEquals("queue (vip) a=b c", reply.data());
    assertEquals(Map.of(), reply.attributes());
  }

  @Test
  void readsTheKeyPressedDuringStreamFile() {
    AgiReply reply = AgiReplyParser.parse("200 result=49 endpos=13760");

    assertEquals(49, reply.resultAsInt());
    assertEquals(Character.valueOf('1'), reply.digitPressed());
    assertEquals(Map.of("endpos", "13760"), reply.attributes());
    assertEquals("13760", reply.attribute("endpos"));
    assertNull(reply.data());
  }

  @Test
  void reportsNoKeyForZeroOrMinusOne() {
    assertNull(AgiReplyParser.parse("200 result=0 endpos=100").digitPressed());
    assertNull(AgiReplyParser.parse("200 result=-1").digitPressed());
    assertEquals(Character.valueOf('#'), AgiReplyParser.parse("200 result=35").digitPressed());
  }

  @Test
  void readsDigitsTypedIntoGetData() {
    assertEquals("42", AgiReplyParser.parse("200 result=42").digitsTyped());
    assertEquals("42", AgiReplyParser.parse("200 result=42 (timeout)").digitsTyped());
  }

  @Test
  void readsAGetDataTimeoutWithNothingTyped() {
    AgiReply reply = AgiReplyParser.parse("200 result= (timeout)");

    assertEquals("", reply.result());
    assertEquals("timeout", reply.data());
    assertEquals("", reply.digitsTyped());
    assertEquals(Integer.MIN_VALUE, reply.resultAsInt());
    assertFalse(reply.channelGone());
  }

  @Test
  void readsMinusOneAsTheCallerGone() {
    AgiReply reply = AgiReplyParser.parse("200 result=-1");

    assertTrue(reply.channelGone());
    assertEquals("", reply.digitsTyped());
    assertEquals(-1, reply.resultAsInt());
  }

  @Test
  void readsSpeechResultsWithQuotedChineseText() {
    AgiReply reply = AgiReplyParser.parse(Transcript.SPEECH);

    assertEquals("1", reply.result());
    assertEquals("speech", reply.data());
    assertEquals(Map.of("endpos", "0", "results", "1", "score0", "830", "text0", "信用卡 丢了", "grammar0", "hotline"),
        reply.attributes());
    assertEquals("[endpos, results, score0, text0, grammar0]", reply.attributes().keySet().toString());
  }

  @Test
  void readsEscapedAndUnescapedQuotesInsideQuotedValues() {
    AgiReply escaped = AgiReplyParser.parse("200 result=1 (speech) text0=\"say \\\"hi\\\" \\\\ ok\" grammar0=g");
    AgiReply raw = AgiReplyParser.parse("200 result=1 (speech) text0=\"say \"hi\" ok\" grammar0=g");

    assertEquals("say \"hi\" \\ ok", escaped.attribute("text0"));
    assertEquals("g", escaped.attribute("grammar0"));
    assertEquals("say \"hi\" ok", raw.attribute("text0"));
  }

  @Test
  void readsSpeechWithSeveralResultsAndATrailingBlank() {
    AgiReply reply = AgiReplyParser.parse("200 result=1 (speech) endpos=0 results=2 score0=830 text0=\"a b\" "
        + "grammar0=g score1=400 text1=\"\" grammar1=g ");
    AgiReply none = AgiReplyParser.parse("200 result=1 (speech) endpos=0 results=0 ");

    assertEquals("a b", reply.attribute("text0"));
    assertEquals("", reply.attribute("text1"));
    assertEquals("400", reply.attribute("score1"));
    assertEquals(Map.of("endpos", "0", "results", "0"), none.attributes());
  }

  @Test
  void readsAnUnknownCommand() {
    AgiReply reply = AgiReplyParser.parse("510 Invalid or unknown command");

    assertEquals(new AgiReply(510, null, null, Map.of(), "Invalid or unknown command"), reply);
    assertFalse(reply.success());
    assertEquals(Integer.MIN_VALUE, reply.resultAsInt());
    assertNull(reply.digitPressed());
  }

  @Test
  void readsACommandRefusedOnADeadChannel() {
    AgiReply reply = AgiReplyParser.parse("511 Command Not Permitted on a dead channel or intercept routine");

    assertEquals(511, reply.code());
    assertEquals("Command Not Permitted on a dead channel or intercept routine", reply.message());
    assertTrue(reply.channelGone());
  }

  @Test
  void accumulatesTheMultiLineUsageUntilTheClosingLine() {
    AgiReplyParser parser = new AgiReplyParser();

    assertNull(parser.accept(Transcript.USAGE_520.get(0)));
    assertTrue(parser.inProgress());
    assertNull(parser.accept(Transcript.USAGE_520.get(1)));
    assertNull(parser.accept(Transcript.USAGE_520.get(2)));
    AgiReply reply = parser.accept(Transcript.USAGE_520.get(3));

    assertFalse(parser.inProgress());
    assertEquals(520, reply.code());
    assertEquals(String.join("\n", "Invalid command syntax.  Proper usage follows:",
        " Usage: STREAM FILE <filename> <escape digits> [sample offset]",
        "        Send the given file, allowing playback to be interrupted by the given digits, if any.",
        "End of proper usage."), reply.message());
    assertEquals(reply, AgiReplyParser.parse(Transcript.USAGE_520.toArray(String[]::new)));
  }

  @Test
  void readsTheSingleLineUsageReply() {
    AgiReply reply = AgiReplyParser.parse("520 Invalid command syntax.  Proper usage not available.");

    assertEquals("Invalid command syntax.  Proper usage not available.", reply.message());
  }

  @Test
  void rejectsAMultiLineReplyLongerThanItsLimit() {
    AgiReplyParser parser = new AgiReplyParser(2);
    parser.accept("520-Invalid command syntax.  Proper usage follows:");
    parser.accept("usage");

    assertThrows(IllegalArgumentException.class, () -> parser.accept("more usage"));
    assertFalse(parser.inProgress());
  }

  @Test
  void rejectsLinesThatAreNotReplies() {
    assertThrows(IllegalArgumentException.class, () -> AgiReplyParser.parse("hello"));
    assertThrows(IllegalArgumentException.class, () -> AgiReplyParser.parse("200 ok"));
    assertThrows(IllegalArgumentException.class, () -> AgiReplyParser.parse("200 result=1 (unclosed"));
    assertThrows(IllegalArgumentException.class, () -> AgiReplyParser.parse("200 result=1 (speech) text0=\"open"));
    assertThrows(IllegalArgumentException.class, () -> AgiReplyParser.parse("200 result=1 endpos"));
    assertThrows(IllegalArgumentException.class, () -> AgiReplyParser.parse("520-usage follows"));
    assertThrows(IllegalArgumentException.class, () -> AgiReplyParser.parse("200 result=0", "200 result=1"));
  }

  @Test
  void aMalformedReplyIsQuotedInTheErrorWithoutTheDigitsACallerKeyed() {
    // GET DATA returns what the caller keyed: here a card number, in a reply cut short.
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AgiReplyParser.parse("200 result=6222021234567890128 (timeout"));

    assertEquals("unclosed parenthesis: 200 result=******************* (timeout", e.getMessage());
  }
}
