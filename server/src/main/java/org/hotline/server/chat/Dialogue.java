package org.hotline.server.chat;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.kb.Answer;
import org.hotline.kb.content.FaqEntry;
import org.hotline.server.ask.AnswerService;
import org.hotline.server.auth.Tokens;
import org.hotline.server.conversation.Conversation;
import org.hotline.server.conversation.ConversationStore;
import org.hotline.server.conversation.Message;
import org.hotline.server.http.ApiException;
import org.hotline.server.kb.KnowledgeBaseService;
import org.hotline.server.privacy.PersonalDataMasker;
import org.hotline.server.store.Database;
import org.hotline.server.store.Sql;
import org.hotline.server.ticket.Priority;
import org.hotline.server.ticket.Ticket;
import org.hotline.server.ticket.TicketKind;
import org.hotline.server.ticket.TicketService;

/**
 * The bot's side of a conversation: answers from the knowledge base, "did you mean" with numbered
 * choices, complaint intake, and hand-off to people with a ticket. Each customer turn is one
 * transaction under the conversation's row lock, so the customer's message, the bot's replies, the
 * state and any ticket commit together before the reply is sent. Thread-safe; blocking.
 */
public final class Dialogue {
  static final String GREETING = "您好，我是智能客服，请直接输入您的问题。需要人工服务请点击“转人工”或回复“人工”。";
  static final String PRIVACY_NOTICE =
      "为保护您的信息安全，请不要在对话中发送卡号、身份证号、手机号、密码或验证码，相关内容已自动隐去。";
  static final String NOT_FOUND = "抱歉，这个问题我暂时无法回答。您可以换个说法，或回复“人工”转人工客服。";
  static final String WAITING = "您已在人工客服队列中，客服接入后会立即回复您，请稍候。";

  /** A new conversation with the secret only its customer holds. */
  public record Started(String conversationId, String token, Conversation conversation, List<Message> messages) {}

  /** A hand-off's ticket and the customer's place in the queue. */
  public record Handoff(String ticketId, String ticketNumber, int queuePosition) {}

  /** One customer turn: what was stored, what the bot said, the answer behind it, any hand-off. */
  public record Turn(Message customerMessage, List<Message> replies, Answer answer, Handoff handoff, String state) {}

  private final Database db;
  private final ConversationStore conversations;
  private final TicketService tickets;
  private final AnswerService answers;
  private final KnowledgeBaseService knowledgeBase;
  private final HandoffRules rules;
  private final PersonalDataMasker masker;

  public Dialogue(Database db, ConversationStore conversations, TicketService tickets, AnswerService answers,
      KnowledgeBaseService knowledgeBase, HandoffRules rules, PersonalDataMasker masker) {
    this.db = requireNonNull(db, "db");
    this.conversations = requireNonNull(conversations, "conversations");
    this.tickets = requireNonNull(tickets, "tickets");
    this.answers = requireNonNull(answers, "answers");
    this.knowledgeBase = requireNonNull(knowledgeBase, "knowledgeBase");
    this.rules = requireNonNull(rules, "rules");
    this.masker = requireNonNull(masker, "masker");
  }

  /** Opens a conversation on a channel (web, voice) and greets the customer. */
  public Started start(String channel, String caller, String greeting) {
    String token = Tokens.newToken();
    String id = Tokens.newId("c_");
    return db.inTransaction(sql -> {
      Conversation c = conversations.create(sql, id, Tokens.hash(token), channel, caller == null ? null : masker.maskPhoneNumber(caller));
      Message hello = conversations.append(sql, id, Message.Draft.of(Message.BOT, greeting == null ? GREETING : greeting));
      return new Started(id, token, c, List.of(hello));
    });
  }

  /** The customer says something; the bot answers, asks, hands off, or stays silent for the agent. */
  public Turn say(String conversationId, String text) {
    String raw = text.strip();
    String masked = masker.mask(raw);
    return db.inTransaction(sql -> {
      Conversation c = lock(sql, conversationId);
      Message customer = conversations.append(sql, c.id(), Message.Draft.of(Message.CUSTOMER, masked));
      List<Message> replies = new ArrayList<>();
      if (!masked.equals(raw) && !c.privacyNoticeGiven()) {
        replies.add(conversations.append(sql, c.id(), Message.Draft.of(Message.SYSTEM, PRIVACY_NOTICE)));
        c = c.withPrivacyNoticeGiven();
      }
      return respond(sql, c, customer, replies, masked);
    });
  }

  /** The "转人工" button: the same as asking for a person. */
  public Turn requestPerson(String conversationId) {
    return db.inTransaction(sql -> {
      Conversation c = lock(sql, conversationId);
      List<Message> replies = new ArrayList<>();
      if (c.withPeople()) {
        return new Turn(null, replies, null, currentHandoff(sql, c), c.state());
      }
      Handoff handoff = handoff(sql, c, replies, TicketKind.CONSULTATION, Priority.NORMAL, null, null, null, null);
      return new Turn(null, replies, null, handoff, Conversation.QUEUED);
    });
  }

  /** Stores a rating; an unhelpful one counts as a failed turn and may hand the customer off. */
  public Turn rate(String conversationId, int seq, boolean helpful) {
    return db.inTransaction(sql -> {
      Conversation c = lock(sql, conversationId);
      if (!conversations.rate(sql, c.id(), seq, helpful)) {
        throw new ApiException(HttpResponseStatus.NOT_FOUND, "message_not_rateable",
            "message " + seq + " does not exist or is not a bot answer");
      }
      List<Message> replies = new ArrayList<>();
      if (helpful || c.withPeople() || !c.state().equals(Conversation.BOT)) {
        return new Turn(null, replies, null, currentHandoff(sql, c), c.state());
      }
      c = c.withFailedTurns(c.failedTurns() + 1);
      if (rules.tooManyFailures(c.failedTurns())) {
        Handoff h = handoff(sql, c, replies, TicketKind.CONSULTATION, Priority.NORMAL, null, null, null, null);
        return new Turn(null, replies, null, h, Conversation.QUEUED);
      }
      replies.add(conversations.append(sql, c.id(), Message.Draft.of(Message.BOT,
          "抱歉没能帮到您。您可以换个说法再问一次，或回复“人工”转人工客服。")));
      conversations.save(sql, c);
      return new Turn(null, replies, null, null, c.state());
    });
  }

  /** The transcript after a message number, with the state and any open hand-off. */
  public Map<String, Object> transcript(String conversationId, int afterSeq) {
    return db.inTransaction(sql -> {
      Conversation c = conversations.find(sql, conversationId).orElseThrow(() -> notFound(conversationId));
      Handoff handoff = currentHandoff(sql, c);
      Map<String, Object> view = new java.util.LinkedHashMap<>();
      view.put("messages", conversations.messages(sql, c.id(), afterSeq).stream().map(Message::view).toList());
      view.put("state", c.state());
      view.put("handoff", handoff);
      return view;
    });
  }

  private Turn respond(Sql sql, Conversation c, Message customer, List<Message> replies, String text)
      throws SQLException {
    if (c.withPeople()) {
      if (c.ticketId() != null) {
        tickets.customerReplied(sql, c.ticketId());
      }
      if (c.state().equals(Conversation.QUEUED) && rules.wantsPerson(text)) {
        replies.add(conversations.append(sql, c.id(), Message.Draft.of(Message.SYSTEM, WAITING)));
      }
      conversations.save(sql, c);
      return new Turn(customer, replies, null, currentHandoff(sql, c), c.state());
    }
    if (c.state().equals(Conversation.COLLECTING)) {
      return collect(sql, c, customer, replies, text);
    }
    if (rules.wantsPerson(text)) {
      Handoff h = handoff(sql, c, replies, TicketKind.CONSULTATION, Priority.NORMAL, null, null, null, null);
      return new Turn(customer, replies, null, h, Conversation.QUEUED);
    }
    boolean complaint = rules.filesComplaint(text);
    if (complaint || rules.filesReport(text)) {
      ObjectNode intake = ComplaintIntake.start(complaint ? TicketKind.COMPLAINT.id() : TicketKind.REPORT.id(), text);
      replies.add(conversations.append(sql, c.id(), Message.Draft.of(Message.BOT,
          (complaint ? "好的，我先帮您登记投诉，再转给人工客服处理。" : "好的，我先帮您登记举报，再转给人工客服处理。")
              + ComplaintIntake.nextQuestion(intake))));
      conversations.save(sql, c.withState(Conversation.COLLECTING).withIntake(intake.toString())
          .withPendingSuggestions(List.of()));
      return new Turn(customer, replies, null, null, Conversation.COLLECTING);
    }
    Answer answer = chosenSuggestion(c, text);
    if (answer == null) {
      answer = answers.ask(text).answer();
    }
    if (answer instanceof Answer.Answered a) {
      FaqEntry e = a.entry();
      replies.add(conversations.append(sql, c.id(), new Message.Draft(Message.BOT, e.answer(), e.id(),
          a.confidence(), List.of(), null, null, true)));
      c = c.withFailedTurns(0).withPendingSuggestions(List.of());
      if (rules.urgent(e.id(), a.fraudWarning())) {
        TicketKind kind = a.fraudWarning() || e.category().equals("fraud") ? TicketKind.FRAUD : TicketKind.LOST_CARD;
        Handoff h = handoff(sql, c, replies, kind, Priority.URGENT, e.category(), null, null, null);
        return new Turn(customer, replies, answer, h, Conversation.QUEUED);
      }
      conversations.save(sql, c);
      return new Turn(customer, replies, answer, null, c.state());
    }
    c = c.withFailedTurns(c.failedTurns() + 1);
    if (rules.tooManyFailures(c.failedTurns())) {
      Handoff h = handoff(sql, c, replies, TicketKind.CONSULTATION, Priority.NORMAL, null, null, null, null);
      return new Turn(customer, replies, answer, h, Conversation.QUEUED);
    }
    if (answer instanceof Answer.DidYouMean d) {
      List<Message.Suggestion> suggestions = d.suggestions().stream()
          .map(s -> new Message.Suggestion(s.faqId(), s.question())).toList();
      StringBuilder textOut = new StringBuilder("您是不是想问：");
      for (int i = 0; i < suggestions.size(); i++) {
        textOut.append('\n').append(i + 1).append(". ").append(suggestions.get(i).question());
      }
      textOut.append("\n请回复序号，或换个说法。");
      replies.add(conversations.append(sql, c.id(), new Message.Draft(Message.BOT, textOut.toString(), null,
          d.confidence(), suggestions, null, null, false)));
      c = c.withPendingSuggestions(suggestions.stream().map(Message.Suggestion::faqId).toList());
    } else {
      replies.add(conversations.append(sql, c.id(), Message.Draft.of(Message.BOT, NOT_FOUND)));
      c = c.withPendingSuggestions(List.of());
    }
    conversations.save(sql, c);
    return new Turn(customer, replies, answer, null, c.state());
  }

  private Turn collect(Sql sql, Conversation c, Message customer, List<Message> replies, String text)
      throws SQLException {
    ObjectNode intake = ComplaintIntake.parse(c.intake());
    TicketKind kind = TicketKind.of(intake.get("kind").asText());
    if (!rules.wantsPerson(text)) {
      ComplaintIntake.answer(intake, text);
    }
    if (ComplaintIntake.complete(intake) || rules.wantsPerson(text)) {
      Handoff h = handoff(sql, c, replies, kind, Priority.NORMAL, "complaint", ComplaintIntake.facts(intake),
          ComplaintIntake.amount(intake), intake.path("what").asText(null));
      return new Turn(customer, replies, null, h, Conversation.QUEUED);
    }
    replies.add(conversations.append(sql, c.id(), Message.Draft.of(Message.BOT, ComplaintIntake.nextQuestion(intake))));
    conversations.save(sql, c.withIntake(intake.toString()));
    return new Turn(customer, replies, null, null, Conversation.COLLECTING);
  }

  private Handoff handoff(Sql sql, Conversation c, List<Message> replies, TicketKind kind, Priority priority,
      String faqCategory, String facts, java.math.BigDecimal amount, String summary) throws SQLException {
    String about = summary != null ? summary : recentCustomerText(sql, c.id());
    Ticket t = tickets.open(sql, c.withFailedTurns(0).withPendingSuggestions(List.of()).withIntake(null),
        new TicketService.Request(kind, faqCategory, priority, about.isEmpty() ? "（客户直接要求人工服务）" : about,
            facts, amount));
    int position = tickets.queuePosition(sql, t);
    String ahead = position <= 1 ? "您是下一位" : "您前面还有 " + (position - 1) + " 位";
    replies.add(conversations.append(sql, c.id(), Message.Draft.of(Message.SYSTEM,
        (priority == Priority.URGENT ? "已为您优先转接人工客服" : "已为您转接人工客服")
            + "，工单号 " + t.number() + "，" + ahead + "，请稍候。")));
    return new Handoff(t.id(), t.number(), position);
  }

  private String recentCustomerText(Sql sql, String conversationId) throws SQLException {
    List<String> said = conversations.messages(sql, conversationId, 0).stream()
        .filter(m -> m.sender().equals(Message.CUSTOMER)).map(Message::text).toList();
    String joined = String.join(" / ", said.subList(Math.max(0, said.size() - 3), said.size()));
    return joined.length() > 300 ? joined.substring(0, 300) : joined;
  }

  private Handoff currentHandoff(Sql sql, Conversation c) throws SQLException {
    if (!c.withPeople() || c.ticketId() == null) {
      return null;
    }
    Ticket t = tickets.find(sql, c.ticketId());
    return new Handoff(t.id(), t.number(), c.state().equals(Conversation.QUEUED) ? tickets.queuePosition(sql, t) : 0);
  }

  private Answer chosenSuggestion(Conversation c, String text) {
    return SuggestionChoice.pick(text, c.pendingSuggestions())
        .flatMap(id -> knowledgeBase.current().content().entry(id))
        .<Answer>map(e -> new Answer.Answered(e, 1.0, false, List.of()))
        .orElse(null);
  }

  private Conversation lock(Sql sql, String conversationId) throws SQLException {
    return conversations.lock(sql, conversationId).orElseThrow(() -> notFound(conversationId));
  }

  private static ApiException notFound(String conversationId) {
    return new ApiException(HttpResponseStatus.NOT_FOUND, "conversation_not_found", "no conversation " + conversationId);
  }
}
