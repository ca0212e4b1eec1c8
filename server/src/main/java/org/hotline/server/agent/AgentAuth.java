package org.hotline.server.agent;

import static java.util.Objects.requireNonNull;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.hotline.server.auth.Tokens;
import org.hotline.server.http.ApiException;
import org.hotline.server.http.ApiRequest;
import org.hotline.server.http.ApiResponse;
import org.hotline.server.http.Route;

/**
 * Decorates agent routes with session checks: 401 without a live agent session (a customer's token
 * is not one), 403 when the role is too low. The decorated routes run on worker threads.
 */
public final class AgentAuth {
  /** A route that needs a logged-in agent. */
  @FunctionalInterface
  public interface AgentRoute {
    ApiResponse handle(ApiRequest request, Agent agent);
  }

  private final AgentAccounts accounts;

  public AgentAuth(AgentAccounts accounts) {
    this.accounts = requireNonNull(accounts, "accounts");
  }

  public Route require(Role role, AgentRoute route) {
    return Route.blocking(request -> {
      Agent agent = authenticate(request);
      if (!agent.role().atLeast(role)) {
        throw new ApiException(HttpResponseStatus.FORBIDDEN, "forbidden", "this needs the " + role.id() + " role");
      }
      return route.handle(request, agent);
    });
  }

  /** Guards a route that does not need to know which agent called. */
  public Route protect(Role role, Route route) {
    return require(role, (request, agent) -> route.handle(request));
  }

  private Agent authenticate(ApiRequest request) {
    String token = Tokens.bearer(request.header(HttpHeaderNames.AUTHORIZATION));
    if (token == null) {
      throw new ApiException(HttpResponseStatus.UNAUTHORIZED, "missing_token",
          "log in at /api/v1/agents/login and send 'Authorization: Bearer <token>'");
    }
    return accounts.authenticate(token).orElseThrow(() -> new ApiException(
        HttpResponseStatus.UNAUTHORIZED, "invalid_session", "the session is unknown or has expired"));
  }
}
