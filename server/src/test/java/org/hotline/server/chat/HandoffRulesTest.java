package org.hotline.server.chat;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HandoffRulesTest {
  private final HandoffRules rules = new HandoffRules(2);

  @Test
  void recognisesRequestsForAPerson() {
    for (String text : new String[] {"人工", "转人工", "我要转人工！", "找客服", "我想和真人说话", "人工服务", "帮我接人工吧"}) {
      assertTrue(rules.wantsPerson(text), text);
    }
    assertFalse(rules.wantsPerson("人工智能能帮我查征信吗"));
    assertFalse(rules.wantsPerson("信用卡丢了怎么办"));
  }

  @Test
  void aComplaintIsFiledOnlyWhenTheCustomerSaysTheyWantToComplain() {
    for (String text : new String[] {"我要投诉", "投诉", "我想投诉这家商家卖假货", "投诉你们银行乱收费", "我要申诉"}) {
      assertTrue(rules.filesComplaint(text), text);
    }
    for (String text : new String[] {"投诉有哪些渠道？", "投诉有哪些渠道", "怎么投诉银行", "投诉多久有结果", "我要投诉的话需要什么材料",
        "可以匿名投诉吗", "投诉的处理时限是多少"}) {
      assertFalse(rules.filesComplaint(text), text);
    }
  }

  @Test
  void aReportIsFiledLikeAComplaint() {
    assertTrue(rules.filesReport("我要举报有人非法集资"));
    assertTrue(rules.filesReport("举报"));
    assertFalse(rules.filesReport("举报非法集资有奖励吗"));
    assertFalse(rules.filesReport("怎么举报诈骗电话"));
  }

  @Test
  void lostCardsAndFraudAreUrgent() {
    assertTrue(rules.urgent("credit-card.lost", false));
    assertTrue(rules.urgent("credit-card.annual-fee", true), "a fraud warning is always urgent");
    assertFalse(rules.urgent("credit-card.annual-fee", false));
  }

  @Test
  void theNumberOfFailedTurnsIsConfigurable() {
    assertFalse(rules.tooManyFailures(1));
    assertTrue(rules.tooManyFailures(2));
    assertTrue(new HandoffRules(1).tooManyFailures(1));
    assertThrows(IllegalArgumentException.class, () -> new HandoffRules(0));
  }
}
