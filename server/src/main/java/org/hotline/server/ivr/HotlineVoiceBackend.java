package org.hotline.server.ivr;

import static java.util.Objects.requireNonNull;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hotline.ivr.VoiceBackend;
import org.hotline.ivr.VoiceCall;
import org.hotline.ivr.flow.SpokenText;
import org.hotline.kb.Answer;
import org.hotline.kb.content.FaqEntry;
import org.hotline.server.ask.AnswerService;
import org.hotline.server.auth.Tokens;
import org.hotline.server.chat.HandoffRules;
import org.hotline.server.conversation.Conversation;
import org.hotline.server.conversation.ConversationStore;
import org.hotline.server.conversation.Message;
import org.hotline.server.http.ApiException;
import org.hotline.server.kb.KnowledgeBaseService;
import org.hotline.server.privacy.PersonalDataMasker;
import org.hotline.server.store.Database;
import org.hotline.server.ticket.Priority;
import org.hotline.server.ticket.Ticket;
import org.hotline.server.ticket.TicketKind;
import org.hotline.server.ticket.TicketService;

/**
 * The hotline behind telephone calls: each call is a conversation on the "voice" channel whose
 * transcript records what the caller chose and heard, and whose hand-off opens a ticket like a
 * chat's. Thread-safe; blocking.
 */
public final class HotlineVoiceBackend implements VoiceBackend {
  /** Queue names the dialplan receives in HOTLINE_QUEUE. */
  public static final String QUEUE = org.hotline.ivr.asterisk.AgiCallScript.FALLBACK_QUEUE;
  public static final String URGENT_QUEUE = "hotline-urgent";

  private final Database db;
  private final ConversationStore conversations;
  private final TicketService tickets;
  private final AnswerService answers;
  private final KnowledgeBaseService knowledgeBase;
  private final HandoffRules rules;
  private final PersonalDataMasker masker;

  public HotlineVoiceBackend(Database db, ConversationStore conversations, TicketService tickets,
      AnswerService answers, KnowledgeBaseService knowledgeBase, HandoffRules rules, PersonalDataMasker masker) {
    this.db = requireNonNull(db, "db");
    this.conversations = requireNonNull(conversations, "conversations");
    this.tickets = requireNonNull(tickets, "tickets");
    this.answers = requireNonNull(answers, "answers");
    this.knowledgeBase = requireNonNull(knowledgeBase, "knowledgeBase");
    this.rules = requireNonNull(rules, "rules");
    this.masker = requireNonNull(masker, "masker");
  }

  @Override
  public VoiceCall startCall(String callerNumber) {
    String id = Tokens.newId("c_");
    String caller = callerNumber == null || callerNumber.isBlank() ? null : masker.maskPhoneNumber(callerNumber);
    db.inTransaction(sql -> {
      conversations.create(sql, id, Tokens.hash(Tokens.newToken()), "voice", caller);
      conversations.append(sql, id, Message.Draft.of(Message.SYSTEM,
          "电话接入" + (caller == null ? "（未显示号码）" : "：" + caller)));
      return null;
    });
    return new Call(id);
  }

  @Override
  public VoiceCall resume(String callId) {
    boolean exists = db.inTransaction(sql -> conversations.find(sql, callId)
        .filter(c -> c.channel().equals("voice")).isPresent());
    if (!exists) {
      throw new ApiException(HttpResponseStatus.NOT_FOUND, "call_not_found", "no call " + callId);
    }
    return new Call(callId);
  }

  private final class Call implements VoiceCall {
    private final String id;

    Call(String id) {
      this.id = id;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public SpokenAnswer ask(String question) {
      String masked = masker.mask(question.strip());
      Answer answer = answers.ask(masked).answer();
      List<MenuItem> suggestions = answer.suggestions().stream()
          .map(s -> new MenuItem(s.faqId(), SpokenText.label(s.question()))).toList();
      SpokenAnswer spoken;
      String said;
      if (answer instanceof Answer.Answered a) {
        FaqEntry e = a.entry();
        spoken = new SpokenAnswer(true, e.id(), e.voiceAnswer(), rules.urgent(e.id(), a.fraudWarning()), suggestions);
        said = e.voiceAnswer();
      } else {
        spoken = new SpokenAnswer(false, null, null, false, suggestions);
        said = suggestions.isEmpty() ? "（未找到答案）"
            : "您是不是想问：" + suggestions.stream().map(MenuItem::label).collect(Collectors.joining("；"));
      }
      db.inTransaction(sql -> {
        conversations.append(sql, id, Message.Draft.of(Message.CUSTOMER, masked));
        conversations.append(sql, id, new Message.Draft(Message.BOT, said, spoken.faqId(), answer.confidence(),
            List.of(), null, null, false));
        return null;
      });
      return spoken;
    }

    @Override
    public SpokenAnswer entry(String faqId) {
      Optional<FaqEntry> entry = knowledgeBase.current().content().entry(faqId);
      if (entry.isEmpty()) {
        return new SpokenAnswer(false, null, null, false, List.of());
      }
      FaqEntry e = entry.get();
      db.inTransaction(sql -> conversations.append(sql, id, new Message.Draft(Message.BOT, e.voiceAnswer(), e.id(),
          null, List.of(), null, null, false)));
      return new SpokenAnswer(true, e.id(), e.voiceAnswer(), rules.urgent(e.id(), false),
          List.of(new MenuItem(e.id(), SpokenText.label(e.question()))));
    }

    @Override
    public List<MenuItem> topEntries(List<String> categories, int limit) {
      List<Iterator<FaqEntry>> sources = new ArrayList<>();
      for (String category : categories) {
        sources.add(knowledgeBase.current().content().entries().stream()
            .filter(e -> e.category().equals(category)).iterator());
      }
      // Each category file lists its entries most asked first; take from the categories in turn.
      List<MenuItem> items = new ArrayList<>();
      boolean more = true;
      while (items.size() < limit && more) {
        more = false;
        for (Iterator<FaqEntry> source : sources) {
          if (source.hasNext() && items.size() < limit) {
            FaqEntry e = source.next();
            items.add(new MenuItem(e.id(), SpokenText.label(e.question())));
            more = true;
          }
        }
      }
      return items;
    }

    @Override
    public List<MenuItem> items(List<String> faqIds) {
      List<MenuItem> items = new ArrayList<>();
      for (String faqId : faqIds) {
        knowledgeBase.current().content().entry(faqId)
            .ifPresent(e -> items.add(new MenuItem(e.id(), SpokenText.label(e.question()))));
      }
      return items;
    }

    @Override
    public Handoff handoff(HandoffReason reason) {
      return db.inTransaction(sql -> {
        Conversation c = conversations.lock(sql, id).orElseThrow();
        if (c.withPeople() && c.ticketId() != null) {
          Ticket open = tickets.find(sql, c.ticketId());
          return new Handoff(open.number(), open.priority() == Priority.URGENT ? URGENT_QUEUE : QUEUE,
              open.priority() == Priority.URGENT);
        }
        List<Message> transcript = conversations.messages(sql, id, 0);
        FaqEntry last = lastAnswered(transcript);
        boolean urgent = reason == HandoffReason.LOST_CARD_OR_FRAUD || reason == HandoffReason.URGENT_ANSWER;
        TicketKind kind = !urgent ? TicketKind.CONSULTATION
            : last != null && last.category().equals("fraud") ? TicketKind.FRAUD : TicketKind.LOST_CARD;
        Ticket t = tickets.open(sql, c, new TicketService.Request(kind, last == null ? null : last.category(),
            urgent ? Priority.URGENT : Priority.NORMAL, summary(transcript, reason), null, null));
        conversations.append(sql, id, Message.Draft.of(Message.SYSTEM, "转人工（" + reason(reason) + "），工单号 " + t.number()));
        return new Handoff(t.number(), urgent ? URGENT_QUEUE : QUEUE, urgent);
      });
    }

    @Override
    public void note(String text) {
      db.inTransaction(sql -> conversations.append(sql, id, Message.Draft.of(Message.SYSTEM, masker.mask(text))));
    }

    @Override
    public void ended() {
      db.inTransaction(sql -> {
        Conversation c = conversations.lock(sql, id).orElseThrow();
        conversations.append(sql, id, Message.Draft.of(Message.SYSTEM, "通话结束"));
        if (!c.withPeople()) {
          conversations.save(sql, c.withState(Conversation.CLOSED));
        }
        return null;
      });
    }

    private FaqEntry lastAnswered(List<Message> transcript) {
      for (int i = transcript.size() - 1; i >= 0; i--) {
        Message m = transcript.get(i);
        if (m.sender().equals(Message.BOT) && m.faqId() != null) {
          return knowledgeBase.current().content().entry(m.faqId()).orElse(null);
        }
      }
      return null;
    }

    private String summary(List<Message> transcript, HandoffReason reason) {
      String asked = transcript.stream()
          .filter(m -> m.sender().equals(Message.CUSTOMER) || (m.sender().equals(Message.BOT) && m.faqId() != null))
          .map(m -> m.sender().equals(Message.CUSTOMER) ? "问：" + m.text() : "听：" + m.faqId())
          .collect(Collectors.joining(" / "));
      String text = "电话：" + reason(reason) + (asked.isEmpty() ? "" : "；" + asked);
      return text.length() > 300 ? text.substring(0, 300) : text;
    }
  }

  private static String reason(VoiceCall.HandoffReason reason) {
    return switch (reason) {
      case ASKED_FOR_PERSON -> "来电人要求人工服务";
      case LOST_CARD_OR_FRAUD -> "按键4：挂失或举报诈骗";
      case URGENT_ANSWER -> "挂失或诈骗，优先处理";
      case NO_INPUT -> "多次无输入或按键无效";
      case UNANSWERED -> "问题未能解答";
    };
  }
}
