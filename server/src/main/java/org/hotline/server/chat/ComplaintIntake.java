package org.hotline.server.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.server.http.Json;

/**
 * The facts the bot collects before a complaint goes to an agent: what happened, when, the amount,
 * and what the customer wants. The state travels as JSON in the conversation row. Stateless.
 */
final class ComplaintIntake {
  static final List<String> STEPS = List.of("what", "when", "amount", "wish");
  private static final List<String> QUESTIONS = List.of(
      "请简要描述发生了什么（涉及的商家或业务、经过）。",
      "这件事是什么时候发生的？",
      "涉及的金额是多少？如果不涉及金额，请回复“无”。",
      "您希望如何处理？例如退款、赔偿、更正记录或道歉。");
  private static final Pattern AMOUNT = Pattern.compile("(\\d+(?:\\.\\d{1,2})?)\\s*(万)?");
  private static final Pattern INTENT = Pattern.compile(
      "^.{0,6}?(投诉|申诉|举报)(一下)?(你们|他们|这家|商家|银行)?[，,。：:\\s]*");

  private ComplaintIntake() {}

  /** Starts collecting; the opening message's own words count as "what" when they say enough. */
  static ObjectNode start(String kind, String openingText) {
    ObjectNode intake = Json.MAPPER.createObjectNode();
    intake.put("kind", kind);
    String rest = INTENT.matcher(openingText.strip()).replaceFirst("").strip();
    intake.put("step", 0);
    if (rest.codePointCount(0, rest.length()) >= 6) {
      intake.put("what", rest);
      intake.put("step", 1);
    }
    return intake;
  }

  static ObjectNode parse(String json) {
    return (ObjectNode) Json.parseObject(json);
  }

  /** Records the customer's answer to the current step and moves on. */
  static void answer(ObjectNode intake, String text) {
    int step = intake.get("step").asInt();
    if (step < STEPS.size()) {
      intake.put(STEPS.get(step), text.strip());
      intake.put("step", step + 1);
    }
  }

  static boolean complete(ObjectNode intake) {
    return intake.get("step").asInt() >= STEPS.size();
  }

  /** The question for the current step. */
  static String nextQuestion(ObjectNode intake) {
    return QUESTIONS.get(intake.get("step").asInt());
  }

  /** The amount in dispute, in yuan, when the customer gave one. */
  static BigDecimal amount(ObjectNode intake) {
    String text = intake.path("amount").asText("");
    Matcher m = AMOUNT.matcher(text.replace(",", "").replace("，", ""));
    if (!m.find()) {
      return null;
    }
    BigDecimal value = new BigDecimal(m.group(1));
    return m.group(2) != null ? value.multiply(BigDecimal.valueOf(10_000)) : value;
  }

  /** The facts as stored on the ticket (what, when, amount, wish). */
  static String facts(ObjectNode intake) {
    ObjectNode facts = Json.MAPPER.createObjectNode();
    for (String step : STEPS) {
      facts.put(step, intake.path(step).asText(null));
    }
    return facts.toString();
  }
}
