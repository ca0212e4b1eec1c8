package org.hotline.server.http;

import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps a method and path to a {@link Route}. Path templates may hold {@code {name}} segments.
 * Built once at start-up, then read-only and thread-safe.
 */
public final class Router {
  /** A route found for a request, with its template (the metrics label) and path parameters. */
  public record Match(Route route, String template, Map<String, String> params) {}

  private record Template(String text, String[] segments, Map<HttpMethod, Route> routes) {}

  private final Map<String, Template> exact = new HashMap<>();
  private final List<Template> patterns = new ArrayList<>();

  public Router add(HttpMethod method, String template, Route route) {
    Template t = exact.get(template);
    if (t == null) {
      t = patterns.stream().filter(p -> p.text().equals(template)).findFirst().orElse(null);
    }
    if (t == null) {
      t = new Template(template, template.substring(1).split("/"), new LinkedHashMap<>());
      if (template.contains("{")) {
        patterns.add(t);
      } else {
        exact.put(template, t);
      }
    }
    if (t.routes().putIfAbsent(method, route) != null) {
      throw new IllegalArgumentException("duplicate route " + method + " " + template);
    }
    return this;
  }

  /** Every path template with a route, sorted (what the API documentation must cover). */
  public List<String> templates() {
    Set<String> all = new TreeSet<>(exact.keySet());
    patterns.forEach(p -> all.add(p.text()));
    return List.copyOf(all);
  }

  /**
   * The route for a request.
   *
   * @throws ApiException 404 when no template matches the path, 405 when the method is wrong
   */
  public Match route(HttpMethod method, String path) {
    Template t = exact.get(path);
    Map<String, String> params = Map.of();
    if (t == null) {
      String[] segments = path.length() > 1 ? path.substring(1).split("/") : new String[0];
      for (Template p : patterns) {
        Map<String, String> found = match(p.segments(), segments);
        if (found != null) {
          t = p;
          params = found;
          break;
        }
      }
    }
    if (t == null) {
      throw new ApiException(io.netty.handler.codec.http.HttpResponseStatus.NOT_FOUND, "not_found",
          "no such resource: " + path);
    }
    Route route = t.routes().get(method);
    if (route == null) {
      throw new MethodNotAllowed(allowed(t));
    }
    return new Match(route, t.text(), params);
  }

  private static Set<String> allowed(Template t) {
    Set<String> names = new TreeSet<>();
    t.routes().keySet().forEach(m -> names.add(m.name()));
    return names;
  }

  private static Map<String, String> match(String[] template, String[] path) {
    if (template.length != path.length) {
      return null;
    }
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < template.length; i++) {
      String t = template[i];
      if (t.startsWith("{") && t.endsWith("}")) {
        if (path[i].isEmpty()) {
          return null;
        }
        params.put(t.substring(1, t.length() - 1), path[i]);
      } else if (!t.equals(path[i])) {
        return null;
      }
    }
    return params;
  }

  /** 405, carrying the methods the path does allow for the Allow header. */
  static final class MethodNotAllowed extends RuntimeException {
    final Set<String> allowed;

    MethodNotAllowed(Set<String> allowed) {
      super(null, null, false, false);
      this.allowed = allowed;
    }
  }
}
