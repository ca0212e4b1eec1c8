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
      "(我|俺)(要|想|想要|需要|得|必须)(投诉|申诉)|^(要|想)?(投诉|申诉)(一下)?$|^(要|想)?(投诉|申诉)(你们|他们|这家|那家|商家|银行|这个|一家)");
  private static final Pattern REPORT = Pattern.compile(
      "(我|俺)(要|想|想要|需要|得)举报|^(要|想)?举报(一下)?$|^(要|想)?举报(你们|他们|这家|那家|商家|这个|一家|有人)");
  /** Asking about complaints (how, where, how long) is a question for the knowledge base, not a complaint. */
  private static final Pattern QUESTION = Pattern.compile(
      "[?？]|哪|什么|怎么|怎样|如何|多久|多长|几天|吗|呢|是否|能否|能不能|可不可以|可以|有没有|流程|渠道|时限");
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
    return !QUESTION.matcher(text).find() && COMPLAINT.matcher(compact(text)).find();
  }

  /** The customer wants to report a violation. */
  public boolean filesReport(String text) {
    return !QUESTION.matcher(text).find() && REPORT.matcher(compact(text)).find();
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
