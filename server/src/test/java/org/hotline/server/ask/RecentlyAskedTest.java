package org.hotline.server.ask;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecentlyAskedTest {
  @Test
  void aQuestionIsARepeatFromItsSecondAsking() {
    RecentlyAsked asked = RecentlyAsked.forAnswerCache();
    assertFalse(asked.askedBefore("信用卡丢了怎么办"));
    assertTrue(asked.askedBefore("信用卡丢了怎么办"));
    assertTrue(asked.askedBefore("信用卡丢了怎么办"));
    assertFalse(asked.askedBefore("收到假币怎么办"));
  }

  @Test
  void fewDistinctQuestionsPassForRepeats() {
    RecentlyAsked asked = RecentlyAsked.forAnswerCache();
    int falseRepeats = 0;
    for (int i = 0; i < 60_000; i++) {
      if (asked.askedBefore("问题" + i + "怎么办")) {
        falseRepeats++;
      }
    }
    // At most a sixteenth of the bits marked (two per question): about 1.4% at the end, less before.
    assertTrue(falseRepeats < 600, falseRepeats + " of 60,000 distinct questions taken for repeats");
  }

  @Test
  void itForgetsEverythingOnceFull() {
    RecentlyAsked asked = new RecentlyAsked(10, 4);
    assertFalse(asked.askedBefore("a"));
    assertTrue(asked.askedBefore("a"));
    asked.askedBefore("b");
    asked.askedBefore("c");
    asked.askedBefore("d"); // the fourth question marked: cleared
    assertFalse(asked.askedBefore("a"));
  }

  @Test
  void itRefusesSizesItCannotHold() {
    assertThrows(IllegalArgumentException.class, () -> new RecentlyAsked(31, 10));
    assertThrows(IllegalArgumentException.class, () -> new RecentlyAsked(10, 0));
  }
}
