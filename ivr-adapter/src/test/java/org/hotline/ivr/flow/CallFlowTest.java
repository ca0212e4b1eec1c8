package org.hotline.ivr.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hotline.ivr.VoiceCall.HandoffReason;
import org.junit.jupiter.api.Test;

class CallFlowTest {
  private final CallFlow flow = new CallFlow();
  private final FakeCall call = new FakeCall();

  private Step.Collect collect(Step step) {
    return assertInstanceOf(Step.Collect.class, step);
  }

  private Step press(Step step, char key) {
    return flow.next(collect(step).state(), new Input.Key(key), call);
  }

  @Test
  void greetsThenOffersTheMainMenuWithSpeech() {
    Step.Collect start = collect(flow.start(call));
    assertTrue(start.prompts().get(0).contains("欢迎致电"));
    assertTrue(start.prompts().get(1).contains("信用卡业务请按一"));
    assertEquals("12340*", start.keys());
    assertTrue(start.speech());
  }

  @Test
  void pressingOneThenAnEntrysNumberReadsThatAnswerWithDigitsOneByOne() {
    Step sub = press(flow.start(call), '1');
    Step.Collect menu = collect(sub);
    assertTrue(menu.prompts().get(0).contains("按一，信用卡年费怎么收"), menu.prompts().get(0));
    assertEquals("1234#0*", menu.keys());
    assertFalse(menu.speech(), "sub-menus take keys only");
    Step.Collect answer = collect(press(sub, '1'));
    assertEquals("年费以发卡行公布为准，详询一二三一五。", answer.prompts().get(0));
    assertEquals("credit-card.annual-fee", answer.faqId());
    assertEquals("1#0*", answer.keys());
    Step.Collect again = collect(press(answer, '1'));
    assertEquals(answer.prompts().get(0), again.prompts().get(0), "1 repeats the answer");
  }

  @Test
  void hashGoesBackAndStarRepeats() {
    Step sub = press(flow.start(call), '1');
    Step.Collect back = collect(press(sub, '#'));
    assertEquals(CallState.Menu.MAIN, back.state().menu());
    Step.Collect repeated = collect(press(sub, '*'));
    assertEquals(collect(sub).prompts().get(0), repeated.prompts().get(0));
  }

  @Test
  void zeroAlwaysReachesAPersonAndTheTicketNumberIsReadDigitByDigit() {
    Step transfer = press(flow.start(call), '0');
    Step.Transfer t = assertInstanceOf(Step.Transfer.class, transfer);
    assertTrue(t.prompts().contains("一零零零二三"), t.prompts().toString());
    assertEquals(2, t.prompts().stream().filter("一零零零二三"::equals).count(), "read twice");
    assertEquals(List.of(HandoffReason.ASKED_FOR_PERSON), call.handoffs);
    assertInstanceOf(Step.Transfer.class, press(press(flow.start(call), '2'), '0'));
  }

  @Test
  void keyFourGoesStraightToThePriorityQueue() {
    Step.Transfer t = assertInstanceOf(Step.Transfer.class, press(flow.start(call), '4'));
    assertTrue(t.handoff().urgent());
    assertEquals(List.of(HandoffReason.LOST_CARD_OR_FRAUD), call.handoffs);
  }

  @Test
  void aSpokenQuestionIsAnsweredAtTheMainMenu() {
    Step.Collect start = collect(flow.start(call));
    Step.Collect answer = collect(flow.next(start.state(), new Input.Speech("信用卡年费怎么收"), call));
    assertEquals("年费以发卡行公布为准，详询一二三一五。", answer.prompts().get(0));
  }

  @Test
  void aLostCardAnswerIsReadThenTheCallGoesToAnAgentAtOnce() {
    Step.Collect start = collect(flow.start(call));
    Step.Transfer t = assertInstanceOf(Step.Transfer.class,
        flow.next(start.state(), new Input.Speech("我的信用卡丢了"), call));
    assertEquals("请立即拨打发卡行客服电话挂失。", t.prompts().get(0));
    assertEquals(List.of(HandoffReason.URGENT_ANSWER), call.handoffs);
  }

  @Test
  void lowConfidenceReadsTheSuggestionsAsAMenu() {
    Step.Collect start = collect(flow.start(call));
    Step.Collect suggest = collect(flow.next(start.state(), new Input.Speech("额度的事"), call));
    assertTrue(suggest.prompts().get(0).startsWith("您是不是想问：按一，怎么提高额度；按二，临时额度"), suggest.prompts().get(0));
    assertEquals("12#0*", suggest.keys());
    Step.Collect picked = collect(press(suggest, '2'));
    assertEquals("credit-card.temp-limit", picked.faqId());
  }

  @Test
  void twoUnansweredQuestionsOfferTheAgent() {
    Step.Collect start = collect(flow.start(call));
    Step.Collect first = collect(flow.next(start.state(), new Input.Speech("今天天气如何"), call));
    assertTrue(first.prompts().get(0).contains("没有找到"));
    Step.Collect offer = collect(flow.next(first.state(), new Input.Speech("红烧肉怎么做"), call));
    assertEquals(CallState.Menu.OFFER_AGENT, offer.state().menu());
    assertEquals("0#", offer.keys());
    assertInstanceOf(Step.Transfer.class, press(offer, '0'));
  }

  @Test
  void silenceAndInvalidKeysAreRepromptedTwiceThenTheCallGoesToAnAgent() {
    Step.Collect start = collect(flow.start(call));
    Step.Collect once = collect(flow.next(start.state(), new Input.NoInput(), call));
    assertTrue(once.prompts().get(0).contains("没有听到"));
    Step.Collect twice = collect(flow.next(once.state(), new Input.Key('9'), call));
    assertTrue(twice.prompts().get(0).contains("按键无效"));
    Step third = flow.next(twice.state(), new Input.NoInput(), call);
    assertInstanceOf(Step.Transfer.class, third, "not dropped: handed to an agent");
    assertEquals(List.of(HandoffReason.NO_INPUT), call.handoffs);
  }

  @Test
  void theStateSurvivesEncoding() {
    CallState state = new CallState("c_1", CallState.Menu.SUGGEST, 0, List.of("a.b", "c.d"), "x.y", 1, 2);
    assertEquals(state, CallState.decode(state.encode()));
    CallState empty = new CallState("c_2", CallState.Menu.MAIN, 0, List.of(), null, 0, 0);
    assertEquals(empty, CallState.decode(empty.encode()));
    assertThrows(IllegalArgumentException.class, () -> CallState.decode("not-a-state"));
    assertThrows(IllegalArgumentException.class, () -> CallState.decode("!!!"));
  }
}
