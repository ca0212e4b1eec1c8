package org.hotline.ivr.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.ivr.VoiceCall;

/**
 * An in-memory call for flow tests: five credit-card entries, of which the first four make the
 * sub-menu; a question with 丢 or 年费 is answered (the lost card urgently), one with 额度 gets two
 * suggestions, anything else nothing. Records the hand-offs asked for.
 */
public final class FakeCall implements VoiceCall {
  private static final Map<String, String> LABELS = Map.of(
      "credit-card.annual-fee", "信用卡年费怎么收",
      "credit-card.lost", "信用卡丢了怎么办",
      "credit-card.limit", "怎么提高额度",
      "credit-card.fee-terms", "免年费有什么条件",
      "credit-card.temp-limit", "临时额度");

  public final List<HandoffReason> handoffs = new ArrayList<>();
  private final Map<String, String> answers;

  public FakeCall() {
    this("免年费的条件以发卡行公布为准。");
  }

  /** @param feeTermsAnswer the voice answer of credit-card.fee-terms (tests put markup in it) */
  public FakeCall(String feeTermsAnswer) {
    this.answers = Map.of(
        "credit-card.annual-fee", "年费以发卡行公布为准，详询12315。",
        "credit-card.lost", "请立即拨打发卡行客服电话挂失。",
        "credit-card.limit", "用卡满半年可以申请提高额度。",
        "credit-card.fee-terms", feeTermsAnswer,
        "credit-card.temp-limit", "临时额度到期后自动恢复。");
  }

  @Override
  public String id() {
    return "c_test";
  }

  @Override
  public SpokenAnswer ask(String question) {
    if (question.contains("丢")) {
      return entry("credit-card.lost");
    }
    if (question.contains("年费")) {
      return entry("credit-card.annual-fee");
    }
    if (question.contains("额度")) {
      return new SpokenAnswer(false, null, null, false, items(List.of("credit-card.limit", "credit-card.temp-limit")));
    }
    return new SpokenAnswer(false, null, null, false, List.of());
  }

  @Override
  public SpokenAnswer entry(String faqId) {
    String answer = answers.get(faqId);
    if (answer == null) {
      return new SpokenAnswer(false, null, null, false, List.of());
    }
    return new SpokenAnswer(true, faqId, answer, faqId.equals("credit-card.lost"), items(List.of(faqId)));
  }

  @Override
  public List<MenuItem> topEntries(List<String> categories, int limit) {
    return items(List.of("credit-card.annual-fee", "credit-card.lost", "credit-card.limit", "credit-card.fee-terms"));
  }

  @Override
  public List<MenuItem> items(List<String> faqIds) {
    return faqIds.stream().filter(LABELS::containsKey).map(id -> new MenuItem(id, LABELS.get(id))).toList();
  }

  @Override
  public Handoff handoff(HandoffReason reason) {
    handoffs.add(reason);
    boolean urgent = reason == HandoffReason.LOST_CARD_OR_FRAUD || reason == HandoffReason.URGENT_ANSWER;
    return new Handoff("100023", urgent ? "hotline-urgent" : "hotline", urgent);
  }

  @Override
  public void note(String text) {}

  @Override
  public void ended() {}
}
