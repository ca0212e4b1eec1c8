package org.hotline.ivr.flow;

import java.util.ArrayList;
import java.util.List;
import org.hotline.ivr.VoiceCall;
import org.hotline.ivr.VoiceCall.Handoff;
import org.hotline.ivr.VoiceCall.HandoffReason;
import org.hotline.ivr.VoiceCall.MenuItem;
import org.hotline.ivr.VoiceCall.SpokenAnswer;

/**
 * The telephone call flow, independent of the platform: greeting and main menu (1 credit cards,
 * 2 password and card safety, 3 complaints and consumer rights, 4 lost card or fraud, 0 a person,
 * * repeat), sub-menus of the most asked entries (# back), spoken questions at the main menu,
 * suggestions read as a menu, the agent offered after two failed turns, and silence or invalid keys
 * re-prompted at most twice before the call goes to an agent rather than being dropped.
 * Stateless: the state travels in {@link CallState}; thread-safe. {@link #next} calls the
 * {@link VoiceCall}, which blocks.
 */
public final class CallFlow {
  /** Re-prompts after silence or an invalid key before the call goes to an agent. */
  public static final int MAX_REPROMPTS = 2;
  /** Unanswered questions in a row before the agent is offered. */
  public static final int FAILURES_BEFORE_OFFER = 2;
  /** Entries read out in a sub-menu. */
  public static final int SUB_MENU_SIZE = 6;

  /** The main menu's sub-menus: their spoken name and the categories they draw entries from. */
  record Group(String name, List<String> categories) {}

  static final List<Group> GROUPS = List.of(
      new Group("信用卡业务", List.of("credit-card")),
      new Group("密码和用卡安全", List.of("password", "card-safety")),
      new Group("投诉和消费者权益", List.of("complaint", "consumer-rights", "consumer-law")));

  static final String GREETING = "您好，欢迎致电消费者服务热线。";
  static final String MAIN_MENU = "信用卡业务请按一；密码和用卡安全请按二；投诉和消费者权益请按三；"
      + "挂失银行卡或举报诈骗请按四；人工服务请按零；重听请按星号键。您也可以直接说出您的问题。";
  static final String AFTER_ANSWER = "重听请按一，返回主菜单请按井号键，人工服务请按零。您也可以继续说出其他问题。";
  static final String NOT_HEARD = "抱歉，没有听到您的选择。";
  static final String INVALID = "抱歉，您的按键无效。";
  static final String NOT_FOUND = "抱歉，没有找到相关的答案。请换个说法再说一次，或按零转人工服务。";
  static final String OFFER_AGENT = "我暂时没能帮您解决问题。转人工服务请按零，返回主菜单请按井号键。";
  static final String BACK_AND_AGENT = "返回上级请按井号键，人工服务请按零。";

  /** The greeting and the main menu. */
  public Step start(VoiceCall call) {
    return mainMenu(CallState.begin(call.id()), List.of(GREETING));
  }

  /** The step after the caller's input at the menu {@code state} describes. */
  public Step next(CallState state, Input input, VoiceCall call) {
    if (input instanceof Input.Speech speech && acceptsSpeech(state)) {
      if (speech.text().isBlank()) {
        return reprompt(state, new Input.NoInput(), call);
      }
      return asked(state, call.ask(speech.text()), call);
    }
    if (!(input instanceof Input.Key key)) {
      return reprompt(state, input, call);
    }
    char k = key.key();
    if (k == '0') {
      return handoff(state, HandoffReason.ASKED_FOR_PERSON, call);
    }
    return switch (state.menu()) {
      case MAIN -> main(state, k, call);
      case SUB, SUGGEST -> choose(state, k, call);
      case AFTER_ANSWER -> switch (k) {
        case '1', '*' -> answered(state, call.entry(state.faqId()), call);
        case '#' -> mainMenu(state.at(CallState.Menu.MAIN, 0, List.of()), List.of());
        default -> reprompt(state, input, call);
      };
      case OFFER_AGENT -> k == '#' ? mainMenu(state.at(CallState.Menu.MAIN, 0, List.of()), List.of())
          : reprompt(state, input, call);
    };
  }

  private Step main(CallState state, char k, VoiceCall call) {
    if (k >= '1' && k <= '3') {
      Group group = GROUPS.get(k - '1');
      call.note("按键" + k + "：" + group.name());
      List<MenuItem> items = call.topEntries(group.categories(), SUB_MENU_SIZE);
      return subMenu(state.at(CallState.Menu.SUB, k - '0', items.stream().map(MenuItem::faqId).toList()),
          group.name() + "。", items);
    }
    if (k == '4') {
      return handoff(state, HandoffReason.LOST_CARD_OR_FRAUD, call);
    }
    if (k == '*') {
      return mainMenu(state.at(CallState.Menu.MAIN, 0, List.of()), List.of());
    }
    return reprompt(state, new Input.Key(k), call);
  }

  private Step choose(CallState state, char k, VoiceCall call) {
    if (k >= '1' && k <= '9' && k - '1' < state.items().size()) {
      return answered(state, call.entry(state.items().get(k - '1')), call);
    }
    if (k == '#') {
      return mainMenu(state.at(CallState.Menu.MAIN, 0, List.of()), List.of());
    }
    if (k == '*') {
      return repeat(state, call, List.of());
    }
    return reprompt(state, new Input.Key(k), call);
  }

  private Step asked(CallState state, SpokenAnswer answer, VoiceCall call) {
    if (answer.answered()) {
      return answered(state, answer, call);
    }
    CallState failed = state.failed();
    if (failed.failures() >= FAILURES_BEFORE_OFFER) {
      return collect(failed.at(CallState.Menu.OFFER_AGENT, 0, List.of()), List.of(OFFER_AGENT), "0#", null);
    }
    if (!answer.suggestions().isEmpty()) {
      List<MenuItem> items = answer.suggestions();
      return subMenu(failed.at(CallState.Menu.SUGGEST, 0, items.stream().map(MenuItem::faqId).toList()),
          "您是不是想问：", items);
    }
    return collect(failed.at(CallState.Menu.MAIN, 0, List.of()), List.of(NOT_FOUND), "12340*", null);
  }

  private Step answered(CallState state, SpokenAnswer answer, VoiceCall call) {
    if (!answer.answered()) {
      return mainMenu(state.at(CallState.Menu.MAIN, 0, List.of()), List.of(NOT_FOUND));
    }
    String spoken = SpokenText.forSpeech(answer.voiceText());
    if (answer.urgent()) {
      return handoff(state.answered(answer.faqId()), HandoffReason.URGENT_ANSWER, call, List.of(spoken));
    }
    return collect(state.answered(answer.faqId()), List.of(spoken, AFTER_ANSWER), "1#0*", answer.faqId());
  }

  private Step reprompt(CallState state, Input input, VoiceCall call) {
    if (state.reprompts() >= MAX_REPROMPTS) {
      return handoff(state, HandoffReason.NO_INPUT, call);
    }
    String sorry = input instanceof Input.NoInput ? NOT_HEARD : INVALID;
    return repeat(state.reprompted(), call, List.of(sorry));
  }

  /** The current menu again, with what comes before it. */
  private Step repeat(CallState state, VoiceCall call, List<String> before) {
    return switch (state.menu()) {
      case MAIN -> mainMenu(state, before);
      case SUB, SUGGEST -> {
        List<MenuItem> items = itemsOf(state, call);
        String title = state.menu() == CallState.Menu.SUB ? GROUPS.get(state.group() - 1).name() + "。" : "您是不是想问：";
        yield subMenu(state, String.join("", before) + title, items);
      }
      case AFTER_ANSWER -> collect(state, concat(before, AFTER_ANSWER), "1#0*", null);
      case OFFER_AGENT -> collect(state, concat(before, OFFER_AGENT), "0#", null);
    };
  }

  private static List<MenuItem> itemsOf(CallState state, VoiceCall call) {
    return call.items(state.items());
  }

  private Step mainMenu(CallState state, List<String> before) {
    return collect(state, concat(before, MAIN_MENU), "12340*", null);
  }

  private Step subMenu(CallState state, String title, List<MenuItem> items) {
    StringBuilder text = new StringBuilder(title);
    String keys = "";
    for (int i = 0; i < items.size() && i < 9; i++) {
      text.append("按").append(SpokenText.digits(Integer.toString(i + 1))).append("，")
          .append(SpokenText.forSpeech(items.get(i).label())).append("；");
      keys += (char) ('1' + i);
    }
    return collect(state, List.of(text.toString(), BACK_AND_AGENT), keys + "#0*", null);
  }

  private Step handoff(CallState state, HandoffReason reason, VoiceCall call) {
    return handoff(state, reason, call, List.of());
  }

  private Step handoff(CallState state, HandoffReason reason, VoiceCall call, List<String> before) {
    Handoff handoff = call.handoff(reason);
    String number = SpokenText.digits(handoff.ticketNumber());
    // The number stands alone so rendered prompts are reused: digits are cached one by one.
    List<String> prompts = new ArrayList<>(before);
    prompts.add((handoff.urgent() ? "正在为您优先转接人工客服。" : "正在为您转接人工客服。") + "您的工单号是：");
    prompts.add(number);
    prompts.add("重复一遍：");
    prompts.add(number);
    prompts.add("请稍候。");
    return new Step.Transfer(prompts, handoff, state);
  }

  private static Step collect(CallState state, List<String> prompts, String keys, String faqId) {
    return new Step.Collect(prompts, keys, acceptsSpeech(state), state, faqId);
  }

  private static boolean acceptsSpeech(CallState state) {
    return state.menu() == CallState.Menu.MAIN || state.menu() == CallState.Menu.AFTER_ANSWER;
  }

  private static List<String> concat(List<String> before, String last) {
    List<String> all = new ArrayList<>(before);
    all.add(last);
    return all;
  }
}
