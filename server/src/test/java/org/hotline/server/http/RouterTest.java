package org.hotline.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterTest {
  private final Route ask = request -> null;
  private final Route messages = request -> null;
  private final Router router = new Router()
      .add(HttpMethod.POST, "/api/v1/ask", ask)
      .add(HttpMethod.GET, "/api/v1/conversations/{id}/messages", messages);

  @Test
  void matchesExactPathsAndTemplates() {
    assertSame(ask, router.route(HttpMethod.POST, "/api/v1/ask").route());
    Router.Match match = router.route(HttpMethod.GET, "/api/v1/conversations/c42/messages");
    assertSame(messages, match.route());
    assertEquals(Map.of("id", "c42"), match.params());
    assertEquals("/api/v1/conversations/{id}/messages", match.template());
  }

  @Test
  void unknownPathIs404AndWrongMethodIs405WithTheAllowedMethods() {
    ApiException e = assertThrows(ApiException.class, () -> router.route(HttpMethod.GET, "/nope"));
    assertEquals(HttpResponseStatus.NOT_FOUND, e.status());
    Router.MethodNotAllowed m = assertThrows(Router.MethodNotAllowed.class,
        () -> router.route(HttpMethod.DELETE, "/api/v1/ask"));
    assertEquals(Set.of("POST"), m.allowed);
    assertThrows(ApiException.class, () -> router.route(HttpMethod.GET, "/api/v1/conversations//messages"));
  }

  @Test
  void refusesDuplicateRoutes() {
    assertThrows(IllegalArgumentException.class, () -> router.add(HttpMethod.POST, "/api/v1/ask", ask));
  }
}
