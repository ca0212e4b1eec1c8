package org.hotline.server.agent;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Map;
import org.hotline.server.auth.Tokens;
import org.hotline.server.http.ApiException;
import org.hotline.server.http.ApiResponse;
import org.hotline.server.http.Route;

/** Login, logout, who am I, and account creation by admins. */
public final class AgentRoutes {
  private final AgentAccounts accounts;
  private final AgentAuth auth;

  public AgentRoutes(AgentAccounts accounts, AgentAuth auth) {
    this.accounts = requireNonNull(accounts, "accounts");
    this.auth = requireNonNull(auth, "auth");
  }

  /** {@code POST /api/v1/agents/login {"username", "password"}} → the session token. */
  public Route login() {
    return Route.blocking(request -> {
      ObjectNode body = request.jsonBody();
      String username = body.path("username").asText(null);
      String password = body.path("password").asText(null);
      if (username == null || password == null) {
        throw ApiException.badRequest("missing_credentials", "fields 'username' and 'password' are required");
      }
      AgentAccounts.Session session = accounts.login(username, password).orElseThrow(() -> new ApiException(
          HttpResponseStatus.UNAUTHORIZED, "invalid_credentials", "wrong username or password"));
      return ApiResponse.json(Map.of("token", session.token(), "agent", session.agent().view()));
    });
  }

  public Route logout() {
    return auth.require(Role.AGENT, (request, agent) -> {
      accounts.logout(Tokens.bearer(request.header(HttpHeaderNames.AUTHORIZATION)));
      return ApiResponse.noContent();
    });
  }

  public Route me() {
    return auth.require(Role.AGENT, (request, agent) -> ApiResponse.json(agent.view()));
  }

  public Route list() {
    return auth.require(Role.AGENT, (request, agent) ->
        ApiResponse.json(Map.of("agents", accounts.all().stream().map(Agent::view).toList())));
  }

  /** {@code POST /api/v1/agents} (admin) → 201 with the new account. */
  public Route create() {
    return auth.require(Role.ADMIN, (request, admin) -> {
      ObjectNode body = request.jsonBody();
      Role role;
      try {
        role = Role.of(body.path("role").asText("agent"));
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("invalid_role", e.getMessage());
      }
      try {
        Agent agent = accounts.create(body.path("username").asText(null), body.path("password").asText(null),
            body.path("displayName").asText(null), role);
        return ApiResponse.json(HttpResponseStatus.CREATED, agent.view());
      } catch (AgentAccounts.AccountException e) {
        throw new ApiException(e.getMessage().contains("taken") ? HttpResponseStatus.CONFLICT
            : HttpResponseStatus.BAD_REQUEST, "invalid_account", e.getMessage());
      }
    });
  }
}
