package org.hotline.server.chat;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * When the bot hands a conversation to people: the customer asks for a person, a complaint or a
 * report is being filed, or the answer is about a card lost or stolen or a fraud under way (those go
 * to the front of the queue). Immutable; thread-safe.
 */
public final class HandoffRules {
  private static final Pattern WANTS_PERSON = Pattern.compile(
      "转人工|人工服务|人工客服|找人工|要人工|接人工|真人|找客服|客服人员|人工坐席|^人工$|人工[吧呀啊]?$");
  private static final Pattern COMPLAINT = Pattern.compile(
      "^(我|俺)?(要|想|想要|需要|必须)?(投诉|申诉)|(我|俺)(要|想|想要)(投诉|申诉)|投诉(你们|他们|这家|商家|银行)");
  private static final Pattern REPORT = Pattern.compile("^(我|俺)?(要|想|想要)?举报|(我|俺)(要|想|想要)举报");
  /** Entries about a card lost or stolen, or money already gone: answered, then an agent at once. */
  private static final Set<String> URGENT_ENTRIES = Set.of(
      "credit-card.lost", "credit-card.stolen-use", "card-safety.debit-card-lost", "fraud.already-transferred",
      "fraud.card-frozen-code");

  private final int failedTurnsBeforeHandoff;

  public HandoffRules(int failedTurnsBeforeHandoff) {
    if (failedTurnsBeforeHandoff < 1) {
      throw new IllegalArgumentException("failedTurnsBeforeHandoff must be at least 1");
    }
    this.failedTurnsBeforeHandoff = failedTurnsBeforeHandoff;
  }

  /** The customer asks for a person (人工, 转人工, 找客服, 真人). */
  public boolean wantsPerson(String text) {
    String t = compact(text);
    return WANTS_PERSON.matcher(t).find() && !t.contains("人工智能");
  }

  /** The customer wants to file a complaint (not to ask how complaints work). */
  public boolean filesComplaint(String text) {
    String t = compact(text);
    return COMPLAINT.matcher(t).find() && !t.endsWith("吗") && !t.contains("怎么") && !t.contains("如何");
  }

  /** The customer wants to report a violation. */
  public boolean filesReport(String text) {
    String t = compact(text);
    return REPORT.matcher(t).find() && !t.endsWith("吗") && !t.contains("怎么") && !t.contains("如何");
  }

  /** An answered entry that needs a person straight away. */
  public boolean urgent(String faqId, boolean fraudWarning) {
    return fraudWarning || URGENT_ENTRIES.contains(faqId);
  }

  public boolean tooManyFailures(int failedTurns) {
    return failedTurns >= failedTurnsBeforeHandoff;
  }

  private static String compact(String text) {
    return text.replaceAll("[\\s\\p{P}]", "");
  }
}
