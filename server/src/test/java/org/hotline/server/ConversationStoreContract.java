package org.hotline.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hotline.server.agent.Agent;
import org.hotline.server.agent.Role;
import org.hotline.server.chat.Dialogue;
import org.hotline.server.conversation.Conversation;
import org.hotline.server.conversation.Message;
import org.hotline.server.http.ApiException;
import org.hotline.server.report.ComplaintReport;
import org.hotline.server.ticket.Priority;
import org.hotline.server.ticket.Ticket;
import org.hotline.server.ticket.TicketStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conversation and ticket store's behaviour, run once on the embedded database and once on
 * PostgreSQL by the subclasses: the same SQL must behave the same on both.
 */
abstract class ConversationStoreContract {
  protected Services s;
  private Agent alice;
  private Agent bob;
  private Agent boss;

  /** A fresh, empty database of the kind under test. */
  protected abstract Services open() throws Exception;

  @BeforeEach
  void setUp() throws Exception {
    s = open();
    alice = s.agents.create("alice", "password-1", "张敏", Role.AGENT);
    bob = s.agents.create("bob", "password-2", "李强", Role.AGENT);
    boss = s.agents.create("boss", "password-3", "王主管", Role.SUPERVISOR);
  }

  @AfterEach
  void tearDown() {
    s.close();
  }

  private Dialogue.Turn handedOff(String question) {
    String id = s.dialogue.start("web", null, null).conversationId();
    Dialogue.Turn turn = s.dialogue.say(id, question);
    if (turn.handoff() == null) {
      turn = s.dialogue.say(id, "转人工");
    }
    assertNotNull(turn.handoff(), "no hand-off for " + question);
    return turn;
  }

  private List<Message> transcript(String conversationId) {
    return s.db.inTransaction(sql -> s.conversations.messages(sql, conversationId, 0));
  }

  @Test
  void askingForAPersonOpensATicketWithAShortNumberAndAQueuePlace() {
    String id = s.dialogue.start("web", null, null).conversationId();
    Dialogue.Turn turn = s.dialogue.say(id, "我要转人工");
    assertNotNull(turn.handoff());
    assertTrue(turn.handoff().ticketNumber().matches("\\d{6,8}"), turn.handoff().ticketNumber());
    assertEquals(1, turn.handoff().queuePosition());
    assertEquals(Conversation.QUEUED, turn.state());
    Ticket t = s.tickets.get(turn.handoff().ticketId());
    assertEquals(TicketStatus.NEW, t.status());
    assertEquals(Priority.NORMAL, t.priority());
    assertTrue(transcript(id).stream().anyMatch(m -> m.sender().equals(Message.SYSTEM)
        && m.text().contains(t.number())), "the customer is told the ticket number");
    assertEquals(1, s.tickets.list("queue", alice).size());
  }

  @Test
  void exactlyOneOfTwoAgentsClaimingAtOnceWins() throws Exception {
    String ticketId = handedOff("转人工").handoff().ticketId();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Ticket>> claims = new ArrayList<>();
      for (Agent agent : List.of(alice, bob)) {
        Callable<Ticket> claim = () -> {
          start.await();
          return s.tickets.claim(ticketId, agent);
        };
        claims.add(pool.submit(claim));
      }
      start.countDown();
      int won = 0;
      int conflicts = 0;
      for (Future<Ticket> claim : claims) {
        try {
          claim.get();
          won++;
        } catch (java.util.concurrent.ExecutionException e) {
          assertEquals(409, ((ApiException) e.getCause()).status().code());
          conflicts++;
        }
      }
      assertEquals(1, won);
      assertEquals(1, conflicts);
    } finally {
      pool.shutdownNow();
    }
    Ticket t = s.tickets.get(ticketId);
    assertEquals(TicketStatus.ASSIGNED, t.status());
    assertNotNull(t.ownerId());
  }

  @Test
  void onceAnAgentOwnsTheConversationTheBotStaysSilentAndTheAgentsReplyIsMasked() {
    Dialogue.Turn turn = handedOff("转人工");
    String conversationId = s.tickets.get(turn.handoff().ticketId()).conversationId();
    s.tickets.claim(turn.handoff().ticketId(), alice);
    Dialogue.Turn next = s.dialogue.say(conversationId, "信用卡年费怎么收？");
    assertTrue(next.replies().isEmpty(), "the bot must not answer while an agent owns the conversation");
    assertEquals(Conversation.AGENT, next.state());
    Message reply = s.tickets.reply(turn.handoff().ticketId(), alice, "请核对手机号13812345678");
    assertEquals("请核对手机号138****5678", reply.text());
    assertEquals("张敏", reply.agentName());
    List<Message> all = transcript(conversationId);
    assertEquals(reply.seq(), all.get(all.size() - 1).seq());
    assertThrows(ApiException.class, () -> s.tickets.reply(turn.handoff().ticketId(), bob, "不是我的工单"),
        "an agent who does not own the ticket cannot reply");
  }

  @Test
  void messagesOfOneConversationAreNumberedWithoutGapsUnderConcurrentWriters() throws Exception {
    String id = s.dialogue.start("web", null, null).conversationId();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> sends = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        sends.add(pool.submit(() -> s.dialogue.say(id, "信用卡年费怎么收")));
      }
      for (Future<?> f : sends) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    List<Message> all = transcript(id);
    for (int i = 0; i < all.size(); i++) {
      assertEquals(i + 1, all.get(i).seq());
    }
    assertEquals(12, all.stream().filter(m -> m.sender().equals(Message.CUSTOMER)).count());
  }

  @Test
  void lostCardsAndFraudJumpTheQueue() {
    Dialogue.Turn normal = handedOff("转人工");
    String id = s.dialogue.start("web", null, null).conversationId();
    Dialogue.Turn lost = s.dialogue.say(id, "我的信用卡丢了怎么办");
    assertTrue(lost.replies().stream().anyMatch(m -> m.sender().equals(Message.BOT)), "answered first");
    assertNotNull(lost.handoff(), "then handed to an agent at once");
    assertEquals(1, lost.handoff().queuePosition());
    assertEquals(Priority.URGENT, s.tickets.get(lost.handoff().ticketId()).priority());
    List<Map<String, Object>> queue = s.tickets.list("queue", alice);
    assertEquals(lost.handoff().ticketId(), queue.get(0).get("id"));
    assertEquals(normal.handoff().ticketId(), queue.get(1).get("id"));
  }

  @Test
  void aComplaintIsHandedOffOnlyAfterTheBotCollectsTheFacts() {
    String id = s.dialogue.start("web", null, null).conversationId();
    Dialogue.Turn first = s.dialogue.say(id, "我要投诉");
    assertNull(first.handoff());
    assertEquals(Conversation.COLLECTING, first.state());
    assertNull(s.dialogue.say(id, "网购的手机是翻新机，商家不给退").handoff());
    assertNull(s.dialogue.say(id, "上周五").handoff());
    assertNull(s.dialogue.say(id, "3999元").handoff());
    Dialogue.Turn last = s.dialogue.say(id, "退货退款");
    assertNotNull(last.handoff());
    Map<String, Object> ticket = s.tickets.detail(last.handoff().ticketId());
    assertEquals("complaint", ticket.get("kind"));
    assertEquals(0, new BigDecimal("3999").compareTo((BigDecimal) ticket.get("amountDisputed")));
    String facts = ticket.get("facts").toString();
    assertTrue(facts.contains("翻新机") && facts.contains("上周五") && facts.contains("退货退款"), facts);
  }

  @Test
  void twoUnansweredTurnsInARowHandOff() {
    String id = s.dialogue.start("web", null, null).conversationId();
    assertNull(s.dialogue.say(id, "今天天气怎么样").handoff());
    Dialogue.Turn second = s.dialogue.say(id, "红烧肉怎么做好吃");
    assertNotNull(second.handoff(), "the second unanswered turn in a row goes to a person");
  }

  @Test
  void anAnswerInBetweenResetsTheCountOfFailedTurns() {
    String other = s.dialogue.start("web", null, null).conversationId();
    assertNull(s.dialogue.say(other, "今天天气怎么样").handoff());
    assertNull(s.dialogue.say(other, "信用卡年费怎么收").handoff());
    assertNull(s.dialogue.say(other, "红烧肉怎么做好吃").handoff(), "an answer resets the count");
  }

  @Test
  void anUnhelpfulRatingCountsAsAFailedTurn() {
    String id = s.dialogue.start("web", null, null).conversationId();
    Dialogue.Turn answered = s.dialogue.say(id, "信用卡年费怎么收");
    Message answer = answered.replies().get(0);
    assertTrue(answer.rateable());
    assertNull(s.dialogue.say(id, "今天天气怎么样").handoff());
    Dialogue.Turn rated = s.dialogue.rate(id, answer.seq(), false);
    assertNotNull(rated.handoff());
    assertEquals(Boolean.FALSE, transcript(id).get(answer.seq() - 1).helpful());
  }

  @Test
  void aNumberPicksOneOfTheOfferedSuggestions() {
    String id = s.dialogue.start("web", null, null).conversationId();
    s.db.inTransaction(sql -> {
      Conversation c = s.conversations.lock(sql, id).orElseThrow();
      s.conversations.save(sql, c.withPendingSuggestions(List.of("credit-card.annual-fee", "credit-card.lost")));
      return null;
    });
    Dialogue.Turn turn = s.dialogue.say(id, "第二个");
    assertEquals("credit-card.lost", turn.replies().get(0).faqId());
  }

  @Test
  void waitingForTheCustomerPausesTheDeadlineClock() {
    String ticketId = handedOff("我要投诉银行乱收费，年费没激活就扣了").handoff().ticketId();
    s.tickets.claim(ticketId, alice);
    long due = s.tickets.get(ticketId).dueAt();
    s.tickets.setStatus(ticketId, alice, TicketStatus.WAITING_CUSTOMER);
    assertEquals("paused", s.tickets.summary(s.tickets.get(ticketId), s.clock.millis()).get("dueState"));
    s.clock.advance(Duration.ofDays(3));
    String conversationId = s.tickets.get(ticketId).conversationId();
    s.dialogue.say(conversationId, "材料我补好了");
    Ticket t = s.tickets.get(ticketId);
    assertEquals(TicketStatus.IN_PROGRESS, t.status());
    assertEquals(Duration.ofDays(3).toMillis(), t.dueAt() - due, "the three days waited are added back");
  }

  @Test
  void ticketsDueSoonGoToTheSupervisorAndOverdueOnesUpTheChain() {
    String ticketId = handedOff("我要投诉银行乱收费，年费没激活就扣了").handoff().ticketId();
    assertEquals(0, s.tickets.escalate());
    long due = s.tickets.get(ticketId).dueAt();
    s.clock.advance(Duration.ofMillis(due - s.clock.millis()).minus(Duration.ofHours(1)));
    assertEquals(1, s.tickets.escalate());
    assertEquals(1, s.tickets.get(ticketId).escalationLevel());
    assertEquals(1, s.tickets.list("overdue", boss).size());
    s.clock.advance(Duration.ofHours(2));
    assertEquals(1, s.tickets.escalate());
    assertEquals(2, s.tickets.get(ticketId).escalationLevel());
    assertEquals(0, s.tickets.escalate(), "escalating again changes nothing");
    assertEquals("overdue", s.tickets.summary(s.tickets.get(ticketId), s.clock.millis()).get("dueState"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> history = (List<Map<String, Object>>) s.tickets.detail(ticketId).get("history");
    assertEquals(2, history.stream().filter(h -> h.get("action").equals("escalated")).count());
  }

  @Test
  void everyChangeIsInTheHistoryWithWhoMadeIt() {
    String ticketId = handedOff("转人工").handoff().ticketId();
    s.tickets.claim(ticketId, alice);
    s.tickets.transferToAgent(ticketId, alice, "bob");
    s.tickets.reply(ticketId, bob, "您好");
    s.tickets.resolve(ticketId, bob, "已解答", null, null, null);
    s.tickets.close(ticketId, bob);
    s.tickets.reopen(ticketId, boss);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> history = (List<Map<String, Object>>) s.tickets.detail(ticketId).get("history");
    List<String> actions = history.stream().map(h -> h.get("actor") + ":" + h.get("action")).toList();
    assertEquals(List.of("system:created", "alice:claimed", "alice:transferred", "bob:status", "bob:resolved",
        "bob:closed", "boss:reopened"), actions);
    Ticket t = s.tickets.get(ticketId);
    assertEquals(TicketStatus.IN_PROGRESS, t.status());
    assertEquals(bob.id(), t.ownerId());
  }

  @Test
  void resolvingLetsTheBotSpeakAgain() {
    String ticketId = handedOff("转人工").handoff().ticketId();
    String conversationId = s.tickets.get(ticketId).conversationId();
    s.tickets.claim(ticketId, alice);
    s.tickets.resolve(ticketId, alice, "已为您办理", new BigDecimal("12.50"), null, "其他");
    Dialogue.Turn turn = s.dialogue.say(conversationId, "信用卡年费怎么收");
    assertFalse(turn.replies().isEmpty());
    assertEquals(Conversation.BOT, turn.state());
  }

  @Test
  void personalDataIsMaskedBeforeItIsStored() {
    String id = s.dialogue.start("web", null, null).conversationId();
    Dialogue.Turn turn = s.dialogue.say(id, "卡号4111 1111 1111 1111，身份证110101199003071234，验证码 884512");
    String stored = transcript(id).get(1).text();
    assertFalse(stored.contains("4111 1111"), stored);
    assertFalse(stored.contains("19900307"), stored);
    assertFalse(stored.contains("884512"), stored);
    assertTrue(turn.replies().stream().anyMatch(m -> m.text().contains("请不要在对话中发送")), "told once");
    Dialogue.Turn again = s.dialogue.say(id, "密码是123456");
    assertTrue(again.replies().stream().noneMatch(m -> m.text().contains("请不要在对话中发送")), "only once");
  }

  @Test
  void theComplaintReportCountsReceivedResolvedOverdueAndMoneyRecovered() {
    // each complaint is handed off part-way through the intake by asking for a person
    String a = handedOff("我要投诉商家卖假货，给我的是翻新机").handoff().ticketId();
    String b = handedOff("我要投诉超市缺斤短两，称不准").handoff().ticketId();
    s.tickets.claim(a, alice);
    s.tickets.resolve(a, alice, "商家退款", new BigDecimal("3999"), null, "质量");
    s.clock.advance(Duration.ofDays(40));
    LocalDate day = LocalDate.of(2026, 11, 2);
    ComplaintReport.Figures f = s.report.figures(day, day.plusDays(1));
    assertEquals(2, f.received());
    assertEquals(1, f.resolved());
    assertEquals(0.5, f.resolutionRate());
    assertEquals(1, f.overdue(), "the unresolved one is past its deadline");
    assertEquals(0, new BigDecimal("3999").compareTo(f.amountRecovered()));
    assertTrue(ComplaintReport.csv(f).contains("质量,1,0.5"), ComplaintReport.csv(f));
    assertEquals(TicketStatus.NEW, s.tickets.get(b).status());
  }

  @Test
  void ratingsAreReportedPerEntryLeastHelpfulFirst() {
    String a = s.dialogue.start("web", null, null).conversationId();
    Message fee = s.dialogue.say(a, "信用卡年费怎么收").replies().get(0);
    s.dialogue.rate(a, fee.seq(), true);
    String b = s.dialogue.start("web", null, null).conversationId();
    Message fee2 = s.dialogue.say(b, "信用卡年费怎么收").replies().get(0);
    s.dialogue.rate(b, fee2.seq(), false);
    String c = s.dialogue.start("web", null, null).conversationId();
    Message other = s.dialogue.say(c, "投诉有哪些渠道？").replies().get(0);
    s.dialogue.rate(c, other.seq(), false);
    LocalDate day = LocalDate.of(2026, 11, 2);
    var figures = new org.hotline.server.report.AnswerRatings(s.db, s.policy.zone()).figures(day, day);
    assertEquals(3, figures.rated());
    assertEquals(1, figures.helpful());
    assertEquals(0.3333, figures.helpfulRate());
    assertEquals(fee.faqId(), figures.entries().stream().filter(e -> e.helpful() == 1).findFirst().orElseThrow().faqId());
    assertEquals(1, figures.entries().get(0).unhelpful());
  }

  @Test
  void loginSessionsExpireAndWrongPasswordsFail() {
    assertTrue(s.agents.login("alice", "wrong-password").isEmpty());
    String token = s.agents.login("alice", "password-1").orElseThrow().token();
    assertEquals("alice", s.agents.authenticate(token).orElseThrow().username());
    s.clock.advance(Duration.ofHours(13));
    assertTrue(s.agents.authenticate(token).isEmpty());
    assertEquals(1, s.agents.purgeExpiredSessions());
    assertThrows(RuntimeException.class, () -> s.agents.create("alice", "password-9", "重名", Role.AGENT));
  }

  @Test
  void theFirstStartCreatesOneAdmin() {
    assertTrue(s.agents.bootstrapAdmin("secret-admin").isEmpty(), "accounts exist already");
  }
}
