package org.hotline.server.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the dialogue reads suggestion choices and complaint facts. */
class DialogueParsingTest {
  private static final List<String> PENDING = List.of("a.one", "b.two", "c.three");

  @Test
  void aChoiceIsADigitOrAChineseOrdinal() {
    assertEquals(Optional.of("a.one"), SuggestionChoice.pick("1", PENDING));
    assertEquals(Optional.of("b.two"), SuggestionChoice.pick("第二个", PENDING));
    assertEquals(Optional.of("c.three"), SuggestionChoice.pick(" 选3 ", PENDING));
    assertEquals(Optional.of("b.two"), SuggestionChoice.pick("２", PENDING));
    assertEquals(Optional.empty(), SuggestionChoice.pick("4", PENDING), "out of range");
    assertEquals(Optional.empty(), SuggestionChoice.pick("1", List.of()), "nothing was offered");
    assertEquals(Optional.empty(), SuggestionChoice.pick("12315是什么", PENDING), "a question, not a choice");
  }

  @Test
  void theOpeningSentenceCountsAsWhatHappenedWhenItSaysEnough() {
    ObjectNode bare = ComplaintIntake.start("complaint", "我要投诉");
    assertEquals(0, bare.get("step").asInt());
    ObjectNode told = ComplaintIntake.start("complaint", "我要投诉这家店卖过期食品");
    assertEquals(1, told.get("step").asInt());
    assertTrue(told.get("what").asText().contains("过期食品"), told.toString());
  }

  @Test
  void theAmountIsReadInYuanIncludingTenThousands() {
    ObjectNode intake = ComplaintIntake.start("complaint", "我要投诉");
    ComplaintIntake.answer(intake, "手机坏了");
    ComplaintIntake.answer(intake, "昨天");
    ComplaintIntake.answer(intake, "大概1.5万元");
    assertEquals(0, new BigDecimal("15000").compareTo(ComplaintIntake.amount(intake)));
    ObjectNode none = ComplaintIntake.start("complaint", "我要投诉");
    ComplaintIntake.answer(none, "服务态度差");
    ComplaintIntake.answer(none, "今天");
    ComplaintIntake.answer(none, "无");
    assertNull(ComplaintIntake.amount(none));
  }
}
