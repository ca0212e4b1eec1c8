package org.hotline.ivr.flow;

import java.util.ArrayList;
import java.util.List;
import org.hotline.ivr.VoiceCall;

/** An in-memory call: three credit-card entries, one answerable question, one that gets suggestions. */
final class FakeCall implements VoiceCall {
  final List<String> log = new ArrayList<>();
  final List<HandoffReason> handoffs = new ArrayList<>();

  @Override
  public String id() {
    return "c_test";
  }

  @Override
  public SpokenAnswer ask(String question) {
    log.add("ask " + question);
    if (question.contains("丢")) {
      return new SpokenAnswer(true, "credit-card.lost", "请立即拨打发卡行客服电话挂失。", true, List.of());
    }
    if (question.contains("年费")) {
      return new SpokenAnswer(true, "credit-card.annual-fee", "年费以发卡行公布为准。", false, List.of());
    }
    if (question.contains("额度")) {
      return new SpokenAnswer(false, null, null, false,
          List.of(new MenuItem("credit-card.limit", "怎么提高额度"), new MenuItem("credit-card.temp-limit", "临时额度")));
    }
    return new SpokenAnswer(false, null, null, false, List.of());
  }

  @Override
  public SpokenAnswer entry(String faqId) {
    log.add("entry " + faqId);
    return new SpokenAnswer(true, faqId, "答案" + faqId + "，详询12315。", faqId.equals("credit-card.lost"),
        List.of(new MenuItem(faqId, "标题" + faqId)));
  }

  @Override
  public List<MenuItem> topEntries(List<String> categories, int limit) {
    log.add("top " + categories);
    return List.of(new MenuItem("credit-card.annual-fee", "信用卡年费怎么收"),
        new MenuItem("credit-card.lost", "信用卡丢了怎么办"), new MenuItem("credit-card.limit", "怎么提高额度"));
  }

  @Override
  public List<MenuItem> items(List<String> faqIds) {
    java.util.Map<String, String> labels = java.util.Map.of("credit-card.annual-fee", "信用卡年费怎么收",
        "credit-card.lost", "信用卡丢了怎么办", "credit-card.limit", "怎么提高额度", "credit-card.temp-limit", "临时额度");
    return faqIds.stream().map(id -> new MenuItem(id, labels.getOrDefault(id, "标题" + id))).toList();
  }

  @Override
  public Handoff handoff(HandoffReason reason) {
    handoffs.add(reason);
    boolean urgent = reason == HandoffReason.LOST_CARD_OR_FRAUD || reason == HandoffReason.URGENT_ANSWER;
    return new Handoff("100023", urgent ? "hotline-urgent" : "hotline", urgent);
  }

  @Override
  public void note(String text) {
    log.add("note " + text);
  }

  @Override
  public void ended() {
    log.add("ended");
  }
}
