package org.hotline.server.ticket;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.math.BigDecimal;
import java.util.Map;
import org.hotline.server.agent.AgentAuth;
import org.hotline.server.agent.Role;
import org.hotline.server.http.ApiException;
import org.hotline.server.http.ApiResponse;
import org.hotline.server.http.Route;

/** The agents' ticket API: list, read, claim, reply, transfer, change status, resolve, close, reopen. */
public final class TicketRoutes {
  /** Longest agent reply accepted, in characters. */
  static final int MAX_TEXT_CHARS = 2000;

  private final TicketService tickets;
  private final AgentAuth auth;
  private final CannedReplies canned;

  public TicketRoutes(TicketService tickets, AgentAuth auth, CannedReplies canned) {
    this.tickets = requireNonNull(tickets, "tickets");
    this.auth = requireNonNull(auth, "auth");
    this.canned = requireNonNull(canned, "canned");
  }

  public Route list() {
    return auth.require(Role.AGENT, (request, agent) ->
        ApiResponse.json(Map.of("tickets", tickets.list(request.queryParam("status"), agent))));
  }

  public Route get() {
    return auth.require(Role.AGENT, (request, agent) -> ApiResponse.json(tickets.detail(request.pathParam("id"))));
  }

  public Route claim() {
    return auth.require(Role.AGENT, (request, agent) -> view(tickets.claim(request.pathParam("id"), agent).id()));
  }

  public Route reply() {
    return auth.require(Role.AGENT, (request, agent) -> {
      JsonNode text = request.jsonBody().get("text");
      if (text == null || !text.isTextual() || text.textValue().isBlank()) {
        throw ApiException.badRequest("missing_text", "field 'text' is required");
      }
      if (text.textValue().length() > MAX_TEXT_CHARS) {
        throw ApiException.badRequest("text_too_long", "field 'text' exceeds " + MAX_TEXT_CHARS + " characters");
      }
      return ApiResponse.json(HttpResponseStatus.CREATED,
          tickets.reply(request.pathParam("id"), agent, text.textValue().strip()).view());
    });
  }

  public Route transfer() {
    return auth.require(Role.AGENT, (request, agent) -> {
      ObjectNode body = request.jsonBody();
      String id = request.pathParam("id");
      if (body.path("toQueue").asBoolean(false)) {
        return view(tickets.transferToQueue(id, agent).id());
      }
      String to = body.path("toAgent").asText(null);
      if (to == null || to.isBlank()) {
        throw ApiException.badRequest("missing_target", "give 'toAgent' (a username) or 'toQueue': true");
      }
      return view(tickets.transferToAgent(id, agent, to.strip()).id());
    });
  }

  public Route status() {
    return auth.require(Role.AGENT, (request, agent) -> {
      TicketStatus status;
      try {
        status = TicketStatus.of(request.jsonBody().path("status").asText(""));
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("invalid_status", "status must be in_progress or waiting_customer");
      }
      return view(tickets.setStatus(request.pathParam("id"), agent, status).id());
    });
  }

  public Route resolve() {
    return auth.require(Role.AGENT, (request, agent) -> {
      ObjectNode body = request.jsonBody();
      BigDecimal amount = null;
      JsonNode amountNode = body.get("amountRecovered");
      if (amountNode != null && !amountNode.isNull()) {
        if (!amountNode.isNumber()) {
          throw ApiException.badRequest("invalid_amount", "amountRecovered must be a number of yuan");
        }
        amount = amountNode.decimalValue().setScale(2, java.math.RoundingMode.HALF_UP);
      }
      TicketKind kind = null;
      if (body.hasNonNull("kind")) {
        try {
          kind = TicketKind.of(body.get("kind").asText());
        } catch (IllegalArgumentException e) {
          throw ApiException.badRequest("invalid_kind", "kind must be consultation, complaint, report, lost_card or fraud");
        }
      }
      String reportCategory = body.hasNonNull("reportCategory") ? body.get("reportCategory").asText() : null;
      return view(tickets.resolve(request.pathParam("id"), agent, body.path("resolution").asText(null), amount,
          kind, reportCategory).id());
    });
  }

  public Route close() {
    return auth.require(Role.AGENT, (request, agent) -> view(tickets.close(request.pathParam("id"), agent).id()));
  }

  public Route reopen() {
    return auth.require(Role.AGENT, (request, agent) -> view(tickets.reopen(request.pathParam("id"), agent).id()));
  }

  public Route cannedReplies() {
    return auth.require(Role.AGENT, (request, agent) -> ApiResponse.json(Map.of("replies", canned.all())));
  }

  private ApiResponse view(String ticketId) {
    return ApiResponse.json(tickets.detail(ticketId));
  }
}
