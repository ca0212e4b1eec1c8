package org.hotline.server.ticket;

import static java.util.Objects.requireNonNull;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.server.agent.Agent;
import org.hotline.server.agent.AgentAccounts;
import org.hotline.server.agent.Role;
import org.hotline.server.auth.Tokens;
import org.hotline.server.conversation.Conversation;
import org.hotline.server.conversation.ConversationStore;
import org.hotline.server.conversation.Message;
import org.hotline.server.http.ApiException;
import org.hotline.server.privacy.PersonalDataMasker;
import org.hotline.server.store.Database;
import org.hotline.server.store.Sql;
import org.hotline.server.ticket.deadline.DeadlineCalculator;
import org.hotline.server.ticket.deadline.DeadlinePolicy;
import org.hotline.server.ticket.deadline.DeadlineRule;
import org.hotline.server.ticket.deadline.DueState;

/**
 * Tickets from hand-off to result: opening with the deadline the policy sets, claiming (exactly one
 * agent wins), replies that reach the customer, transfers, waiting for the customer (which pauses
 * the clock), resolution, closing, reopening and escalation. Every change is one transaction that
 * also writes the history. Lock order is always conversation, then ticket. Thread-safe; blocking.
 */
public final class TicketService {
  /** Categories a consumer association's yearly report uses. */
  public static final Set<String> REPORT_CATEGORIES = Set.of("质量", "安全", "价格和计量", "虚假品质", "其他");

  private final Database db;
  private final TicketStore store = new TicketStore();
  private final ConversationStore conversations;
  private final AgentAccounts agents;
  private final DeadlinePolicy policy;
  private final DeadlineCalculator deadlines;
  private final PersonalDataMasker masker;
  private final Clock clock;

  public TicketService(Database db, ConversationStore conversations, AgentAccounts agents, DeadlinePolicy policy,
      DeadlineCalculator deadlines, PersonalDataMasker masker, Clock clock) {
    this.db = requireNonNull(db, "db");
    this.conversations = requireNonNull(conversations, "conversations");
    this.agents = requireNonNull(agents, "agents");
    this.policy = requireNonNull(policy, "policy");
    this.deadlines = requireNonNull(deadlines, "deadlines");
    this.masker = requireNonNull(masker, "masker");
    this.clock = requireNonNull(clock, "clock");
  }

  /** What a new ticket carries from the conversation that asks for it. */
  public record Request(TicketKind kind, String faqCategory, Priority priority, String summary, String facts,
      BigDecimal amountDisputed) {}

  /**
   * Opens a ticket for a conversation and puts the conversation in the agents' queue, inside the
   * caller's transaction (the conversation is already locked).
   */
  public Ticket open(Sql sql, Conversation conversation, Request request) throws SQLException {
    long now = clock.millis();
    DeadlineRule rule = policy.ruleFor(request.kind().id(), request.faqCategory());
    Instant received = Instant.ofEpochMilli(now);
    Instant acceptDue = deadlines.acceptDue(received, rule);
    Ticket ticket = new Ticket(Tokens.newId("t_"), Long.toString(sql.nextValue("ticket_numbers")),
        conversation.id(), conversation.channel(), request.kind(), request.faqCategory(), request.priority(),
        TicketStatus.NEW, null, null, null, masker.mask(request.summary()), masker.mask(request.facts()),
        request.amountDisputed(), null, null, null, rule.id(), now,
        acceptDue == null ? null : acceptDue.toEpochMilli(), null,
        deadlines.resolveDue(received, rule).toEpochMilli(), null, null, null, 0);
    store.insert(sql, ticket, now);
    TicketHistory.record(sql, ticket.id(), now, "system", "created",
        ticket.kind().label() + "，" + (ticket.priority() == Priority.URGENT ? "优先" : "普通") + "，" + rule.name());
    conversations.save(sql, conversation.withState(Conversation.QUEUED).withTicket(ticket.id()));
    return ticket;
  }

  /** Reads a ticket inside the caller's transaction. */
  public Ticket find(Sql sql, String ticketId) throws SQLException {
    return store.find(sql, ticketId).orElseThrow(() -> notFound(ticketId));
  }

  public int queuePosition(Sql sql, Ticket ticket) throws SQLException {
    return store.queuePosition(sql, ticket);
  }

  /** Called inside the customer's message transaction: a reply ends waiting for the customer. */
  public void customerReplied(Sql sql, String ticketId) throws SQLException {
    Ticket t = store.lock(sql, ticketId).orElseThrow();
    if (t.status() == TicketStatus.WAITING_CUSTOMER) {
      resume(sql, t, "customer");
    }
  }

  public Ticket claim(String ticketId, Agent agent) {
    return change(ticketId, (sql, t, c, now) -> {
      if (t.ownerId() != null) {
        if (t.ownerId().equals(agent.id())) {
          return;
        }
        throw new ApiException(HttpResponseStatus.CONFLICT, "already_claimed",
            "ticket " + t.number() + " is already owned by " + t.ownerUsername());
      }
      if (t.status().done()) {
        throw new ApiException(HttpResponseStatus.CONFLICT, "ticket_done", "ticket " + t.number() + " is " + t.status().id());
      }
      DeadlineRule rule = rule(t);
      long due = t.acceptDueAt() != null && t.acceptedAt() == null
          ? deadlines.resolveDue(Instant.ofEpochMilli(now), rule).toEpochMilli() : t.dueAt();
      int updated = sql.update("UPDATE tickets SET owner_id = ?, status = 'assigned', accepted_at = coalesce(accepted_at, ?),"
          + " due_at = ?, updated_at = ? WHERE id = ? AND owner_id IS NULL", agent.id(), now, due, now, t.id());
      if (updated != 1) {
        throw new ApiException(HttpResponseStatus.CONFLICT, "already_claimed", "ticket " + t.number() + " was just claimed");
      }
      TicketHistory.record(sql, t.id(), now, agent.username(), "claimed", "领取工单");
      conversations.save(sql, c.withState(Conversation.AGENT));
      conversations.append(sql, c.id(), Message.Draft.of(Message.SYSTEM,
          "人工客服" + agent.displayName() + "已接入，正在为您服务。"));
    });
  }

  /** An agent's reply: stored masked in the transcript, pushed to the customer live. */
  public Message reply(String ticketId, Agent agent, String text) {
    Message[] sent = new Message[1];
    change(ticketId, (sql, t, c, now) -> {
      requireOwnerOrSupervisor(t, agent);
      if (t.status().done()) {
        throw new ApiException(HttpResponseStatus.CONFLICT, "ticket_done", "reopen the ticket before replying");
      }
      if (t.status() == TicketStatus.ASSIGNED || t.status() == TicketStatus.NEW) {
        sql.update("UPDATE tickets SET status = 'in_progress', updated_at = ? WHERE id = ?", now, t.id());
        TicketHistory.record(sql, t.id(), now, agent.username(), "status", "处理中");
      }
      sent[0] = conversations.append(sql, c.id(), new Message.Draft(Message.AGENT, masker.mask(text), null, null,
          List.of(), agent.id(), agent.displayName(), false));
    });
    return sent[0];
  }

  /** Moves between in progress and waiting for the customer; waiting pauses the deadline clock. */
  public Ticket setStatus(String ticketId, Agent agent, TicketStatus status) {
    if (status != TicketStatus.IN_PROGRESS && status != TicketStatus.WAITING_CUSTOMER) {
      throw ApiException.badRequest("invalid_status", "status must be in_progress or waiting_customer");
    }
    return change(ticketId, (sql, t, c, now) -> {
      requireOwnerOrSupervisor(t, agent);
      requireOpen(t);
      if (status == t.status()) {
        return;
      }
      if (status == TicketStatus.WAITING_CUSTOMER) {
        sql.update("UPDATE tickets SET status = 'waiting_customer', paused_at = ?, updated_at = ? WHERE id = ?",
            now, now, t.id());
        TicketHistory.record(sql, t.id(), now, agent.username(), "status", "等待客户（时限暂停）");
      } else if (t.status() == TicketStatus.WAITING_CUSTOMER) {
        resume(sql, t, agent.username());
      } else {
        sql.update("UPDATE tickets SET status = 'in_progress', updated_at = ? WHERE id = ?", now, t.id());
        TicketHistory.record(sql, t.id(), now, agent.username(), "status", "处理中");
      }
    });
  }

  public Ticket transferToAgent(String ticketId, Agent actor, String username) {
    Agent target = agents.byUsername(username).orElseThrow(() -> new ApiException(
        HttpResponseStatus.NOT_FOUND, "unknown_agent", "no agent named '" + username + "'"));
    return change(ticketId, (sql, t, c, now) -> {
      requireOwnerOrSupervisor(t, actor);
      requireOpen(t);
      sql.update("UPDATE tickets SET owner_id = ?, status = CASE WHEN status = 'new' THEN 'assigned' ELSE status END,"
          + " accepted_at = coalesce(accepted_at, ?), updated_at = ? WHERE id = ?", target.id(), now, now, t.id());
      TicketHistory.record(sql, t.id(), now, actor.username(), "transferred", "转交给 " + target.username());
      conversations.save(sql, c.withState(Conversation.AGENT));
      conversations.append(sql, c.id(), Message.Draft.of(Message.SYSTEM,
          "已为您转接至人工客服" + target.displayName() + "。"));
    });
  }

  public Ticket transferToQueue(String ticketId, Agent actor) {
    return change(ticketId, (sql, t, c, now) -> {
      requireOwnerOrSupervisor(t, actor);
      requireOpen(t);
      sql.update("UPDATE tickets SET owner_id = NULL, status = 'new', updated_at = ? WHERE id = ?", now, t.id());
      TicketHistory.record(sql, t.id(), now, actor.username(), "transferred", "退回队列");
      conversations.save(sql, c.withState(Conversation.QUEUED));
      conversations.append(sql, c.id(), Message.Draft.of(Message.SYSTEM, "正在为您转接其他客服，请稍候。"));
    });
  }

  /** Records the result; the bot may speak again in the conversation. */
  public Ticket resolve(String ticketId, Agent agent, String resolution, BigDecimal amountRecovered,
      TicketKind kind, String reportCategory) {
    if (resolution == null || resolution.isBlank()) {
      throw ApiException.badRequest("missing_resolution", "field 'resolution' is required");
    }
    if (amountRecovered != null && amountRecovered.signum() < 0) {
      throw ApiException.badRequest("invalid_amount", "amountRecovered must not be negative");
    }
    if (reportCategory != null && !REPORT_CATEGORIES.contains(reportCategory)) {
      throw ApiException.badRequest("invalid_report_category", "reportCategory must be one of " + REPORT_CATEGORIES);
    }
    String text = masker.mask(resolution.strip());
    return change(ticketId, (sql, t, c, now) -> {
      requireOwnerOrSupervisor(t, agent);
      requireOpen(t);
      if (t.status() == TicketStatus.WAITING_CUSTOMER) {
        resume(sql, t, agent.username());
      }
      TicketKind newKind = kind == null ? t.kind() : kind;
      sql.update("UPDATE tickets SET status = 'resolved', resolution = ?, amount_recovered = ?, kind = ?,"
              + " report_category = coalesce(?, report_category), resolved_at = ?, paused_at = NULL, updated_at = ?"
              + " WHERE id = ?", text, amountRecovered, newKind.id(), reportCategory, now, now, t.id());
      TicketHistory.record(sql, t.id(), now, agent.username(), "resolved",
          text + (amountRecovered == null ? "" : "；挽回金额 " + amountRecovered.toPlainString() + " 元"));
      conversations.save(sql, c.withState(Conversation.BOT).withFailedTurns(0));
      conversations.append(sql, c.id(), Message.Draft.of(Message.SYSTEM,
          "您的工单 " + t.number() + " 已处理完毕：" + text));
    });
  }

  public Ticket close(String ticketId, Agent agent) {
    return change(ticketId, (sql, t, c, now) -> {
      requireOwnerOrSupervisor(t, agent);
      if (t.status() == TicketStatus.CLOSED) {
        return;
      }
      if (t.status() != TicketStatus.RESOLVED && !agent.role().atLeast(Role.SUPERVISOR)) {
        throw new ApiException(HttpResponseStatus.CONFLICT, "not_resolved", "resolve the ticket before closing it");
      }
      sql.update("UPDATE tickets SET status = 'closed', closed_at = ?, paused_at = NULL, updated_at = ? WHERE id = ?",
          now, now, t.id());
      TicketHistory.record(sql, t.id(), now, agent.username(), "closed", "关闭工单");
      if (c.withPeople()) {
        conversations.save(sql, c.withState(Conversation.BOT));
      }
    });
  }

  public Ticket reopen(String ticketId, Agent agent) {
    return change(ticketId, (sql, t, c, now) -> {
      if (!t.status().done()) {
        throw new ApiException(HttpResponseStatus.CONFLICT, "not_done", "only resolved or closed tickets can be reopened");
      }
      boolean owned = t.ownerId() != null;
      sql.update("UPDATE tickets SET status = ?, resolved_at = NULL, closed_at = NULL, updated_at = ? WHERE id = ?",
          owned ? "in_progress" : "new", now, t.id());
      TicketHistory.record(sql, t.id(), now, agent.username(), "reopened", "重新打开");
      conversations.save(sql, c.withState(owned ? Conversation.AGENT : Conversation.QUEUED));
      conversations.append(sql, c.id(), Message.Draft.of(Message.SYSTEM, "您的工单 " + t.number() + " 已重新打开，客服将继续为您处理。"));
    });
  }

  /**
   * Escalates level by level: a ticket due soon goes to the supervisors (level 1), an overdue one
   * on up to the head of the service (level 2). Safe to run on every node at once.
   *
   * @return how many tickets were escalated
   */
  public int escalate() {
    long now = clock.millis();
    return db.inTransaction(sql -> {
      int escalated = 0;
      for (Ticket t : store.list(sql, "t.status NOT IN ('resolved', 'closed') AND t.paused_at IS NULL AND t.escalation_level < 2")) {
        DueState state = dueState(t, now);
        int level = state == DueState.OVERDUE ? 2 : state == DueState.DUE_SOON ? 1 : 0;
        if (level > t.escalationLevel() && sql.update(
            "UPDATE tickets SET escalation_level = ?, updated_at = ? WHERE id = ? AND escalation_level < ?",
            level, now, t.id(), level) == 1) {
          TicketHistory.record(sql, t.id(), now, "system", "escalated",
              level == 2 ? "已超时，逐级上报至负责人" : "即将到期，提醒主管");
          escalated++;
        }
      }
      return escalated;
    });
  }

  public Ticket get(String ticketId) {
    return db.inTransaction(sql -> store.find(sql, ticketId)).orElseThrow(() -> notFound(ticketId));
  }

  /** The full view: summary, facts, deadline rule, history and the masked transcript. */
  public Map<String, Object> detail(String ticketId) {
    long now = clock.millis();
    return db.inTransaction(sql -> {
      Ticket t = store.find(sql, ticketId).orElseThrow(() -> notFound(ticketId));
      Map<String, Object> view = summary(t, now);
      view.put("facts", t.facts() == null ? null : org.hotline.server.http.Json.parseObject(t.facts()));
      view.put("amountDisputed", t.amountDisputed());
      view.put("amountRecovered", t.amountRecovered());
      view.put("resolution", t.resolution());
      view.put("reportCategory", t.reportCategory());
      DeadlineRule rule = rule(t);
      view.put("deadlineRule", Map.of("id", rule.id(), "name", rule.name(), "source", rule.source() == null ? "" : rule.source()));
      view.put("acceptDueAt", t.acceptDueAt() == null ? null : Instant.ofEpochMilli(t.acceptDueAt()).toString());
      view.put("history", TicketHistory.of(sql, t.id()).stream().map(TicketHistory.Entry::view).toList());
      view.put("transcript", conversations.messages(sql, t.conversationId(), 0).stream().map(Message::view).toList());
      return view;
    });
  }

  /**
   * Tickets by filter: queue (unowned, urgent first then oldest), mine, overdue (overdue or due
   * soon, most urgent first), open, all, or a status name.
   */
  public List<Map<String, Object>> list(String filter, Agent agent) {
    long now = clock.millis();
    List<Ticket> tickets = db.inTransaction(sql -> switch (filter == null ? "open" : filter) {
      case "queue" -> store.list(sql, "t.status = 'new' AND t.owner_id IS NULL ORDER BY t.priority, t.created_at LIMIT 500");
      case "mine" -> store.list(sql, "t.owner_id = ? AND t.status NOT IN ('resolved', 'closed') ORDER BY t.due_at LIMIT 500", agent.id());
      case "overdue", "open" -> store.list(sql, "t.status NOT IN ('resolved', 'closed') ORDER BY t.priority, t.due_at LIMIT 2000");
      case "all" -> store.list(sql, "1 = 1 ORDER BY t.created_at DESC LIMIT 500");
      default -> {
        TicketStatus status;
        try {
          status = TicketStatus.of(filter);
        } catch (IllegalArgumentException e) {
          throw ApiException.badRequest("invalid_status",
              "status must be queue, mine, overdue, open, all or a ticket status");
        }
        yield store.list(sql, "t.status = ? ORDER BY t.created_at DESC LIMIT 500", status.id());
      }
    });
    if ("overdue".equals(filter)) {
      tickets = tickets.stream()
          .filter(t -> dueState(t, now) == DueState.OVERDUE || dueState(t, now) == DueState.DUE_SOON)
          .sorted(Comparator.comparingLong(Ticket::effectiveDueAt))
          .toList();
    }
    return tickets.stream().map(t -> summary(t, now)).toList();
  }

  /** The list view of a ticket. */
  public Map<String, Object> summary(Ticket t, long now) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", t.id());
    view.put("number", t.number());
    view.put("channel", t.channel());
    view.put("kind", t.kind().id());
    view.put("kindLabel", t.kind().label());
    view.put("faqCategory", t.faqCategory());
    view.put("priority", t.priority().id());
    view.put("status", t.status().id());
    view.put("owner", t.ownerId() == null ? null
        : Map.of("id", t.ownerId(), "username", t.ownerUsername(), "displayName", t.ownerName()));
    view.put("createdAt", Instant.ofEpochMilli(t.createdAt()).toString());
    view.put("dueAt", Instant.ofEpochMilli(t.effectiveDueAt()).toString());
    view.put("dueState", dueState(t, now).name().toLowerCase(java.util.Locale.ROOT));
    view.put("escalated", t.escalationLevel() > 0);
    view.put("escalationLevel", t.escalationLevel());
    view.put("summary", t.summary());
    view.put("conversationId", t.conversationId());
    return view;
  }

  public DueState dueState(Ticket t, long now) {
    return deadlines.state(Instant.ofEpochMilli(t.effectiveDueAt()), Instant.ofEpochMilli(now),
        t.pausedAt() != null, t.status().done());
  }

  private DeadlineRule rule(Ticket t) {
    return policy.ruleFor(t.kind().id(), t.faqCategory());
  }

  private void resume(Sql sql, Ticket t, String actor) throws SQLException {
    long now = clock.millis();
    Instant paused = Instant.ofEpochMilli(t.pausedAt() == null ? now : t.pausedAt());
    long due = deadlines.extendForPause(Instant.ofEpochMilli(t.dueAt()), paused, Instant.ofEpochMilli(now), rule(t))
        .toEpochMilli();
    sql.update("UPDATE tickets SET status = 'in_progress', paused_at = NULL, due_at = ?, updated_at = ? WHERE id = ?",
        due, now, t.id());
    TicketHistory.record(sql, t.id(), now, actor, "status", "处理中（时限恢复，到期时间顺延至 "
        + Instant.ofEpochMilli(due) + "）");
  }

  private static void requireOwnerOrSupervisor(Ticket t, Agent agent) {
    if (!agent.id().equals(t.ownerId()) && !agent.role().atLeast(Role.SUPERVISOR)) {
      throw new ApiException(HttpResponseStatus.FORBIDDEN, "not_owner",
          "ticket " + t.number() + " is owned by " + (t.ownerUsername() == null ? "nobody; claim it first" : t.ownerUsername()));
    }
  }

  private static void requireOpen(Ticket t) {
    if (t.status().done()) {
      throw new ApiException(HttpResponseStatus.CONFLICT, "ticket_done", "ticket " + t.number() + " is " + t.status().id());
    }
  }

  private static ApiException notFound(String ticketId) {
    return new ApiException(HttpResponseStatus.NOT_FOUND, "ticket_not_found", "no ticket " + ticketId);
  }

  @FunctionalInterface
  private interface Change {
    void apply(Sql sql, Ticket ticket, Conversation conversation, long now) throws SQLException;
  }

  /** Locks the ticket's conversation, then the ticket, applies the change and returns the result. */
  private Ticket change(String ticketId, Change change) {
    return db.inTransaction(sql -> {
      Ticket peek = store.find(sql, ticketId).orElseThrow(() -> notFound(ticketId));
      Conversation c = conversations.lock(sql, peek.conversationId()).orElseThrow();
      Ticket t = store.lock(sql, ticketId).orElseThrow(() -> notFound(ticketId));
      change.apply(sql, t, c, clock.millis());
      return store.find(sql, ticketId).orElseThrow();
    });
  }
}
