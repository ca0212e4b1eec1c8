package org.hotline.server;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.hotline.kb.ReloadableKnowledgeBase;
import org.hotline.kb.content.ContentSource;
import org.hotline.kb.ranking.ConfidenceModel;
import org.hotline.server.agent.AgentAccounts;
import org.hotline.server.agent.PasswordHasher;
import org.hotline.server.ask.AnswerService;
import org.hotline.server.chat.Dialogue;
import org.hotline.server.chat.HandoffRules;
import org.hotline.server.conversation.ConversationEvents;
import org.hotline.server.conversation.ConversationStore;
import org.hotline.server.kb.KnowledgeBaseService;
import org.hotline.server.kb.UnansweredQuestions;
import org.hotline.server.live.LocalEvents;
import org.hotline.server.live.PostgresEvents;
import org.hotline.server.privacy.PersonalDataMasker;
import org.hotline.server.report.ComplaintReport;
import org.hotline.server.store.Database;
import org.hotline.server.store.MutableClock;
import org.hotline.server.ticket.TicketService;
import org.hotline.server.ticket.deadline.DeadlineCalculator;
import org.hotline.server.ticket.deadline.DeadlinePolicy;
import org.hotline.server.ticket.deadline.WorkingCalendar;

/**
 * The services behind the API wired as {@code Main} wires them, on a given database, with a clock
 * the test moves. Used by the suites that must pass on both H2 and PostgreSQL.
 */
public final class Services implements AutoCloseable {
  /** Monday 2026-11-02 09:00 in Shanghai. */
  public static final Instant START = Instant.parse("2026-11-02T01:00:00Z");
  private static KnowledgeBaseService knowledgeBase;

  public final MutableClock clock = new MutableClock(START);
  public final Database db;
  public final ConversationEvents events;
  public final ConversationStore conversations;
  public final AgentAccounts agents;
  public final TicketService tickets;
  public final Dialogue dialogue;
  public final ComplaintReport report;
  public final DeadlinePolicy policy;
  private final UnansweredQuestions unanswered;

  public Services(Database db, Path dataDir, String policyName) {
    this.db = db;
    this.events = db.kind() == Database.Kind.POSTGRESQL ? new PostgresEvents(db) : new LocalEvents();
    PersonalDataMasker masker = new PersonalDataMasker();
    this.conversations = new ConversationStore(events, clock);
    this.agents = new AgentAccounts(db, new PasswordHasher(1000), clock, Duration.ofHours(12));
    this.policy = DeadlinePolicy.bundled(policyName);
    this.tickets = new TicketService(db, conversations, agents, policy,
        new DeadlineCalculator(WorkingCalendar.bundled(), policy), masker, clock);
    this.unanswered = new UnansweredQuestions(dataDir, masker, clock);
    AnswerService answers = new AnswerService(knowledgeBase(), unanswered, new SimpleMeterRegistry(), 100);
    this.dialogue = new Dialogue(db, conversations, tickets, answers, knowledgeBase(), new HandoffRules(2), masker);
    this.report = new ComplaintReport(db, policy.zone(), clock);
  }

  static synchronized KnowledgeBaseService knowledgeBase() {
    if (knowledgeBase == null) {
      knowledgeBase = new KnowledgeBaseService();
      knowledgeBase.loaded(new ReloadableKnowledgeBase(ContentSource.bundled(), ConfidenceModel.bundled()));
    }
    return knowledgeBase;
  }

  @Override
  public void close() {
    events.close();
    unanswered.close();
    db.close();
  }
}
