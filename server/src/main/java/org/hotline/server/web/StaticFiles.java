package org.hotline.server.web;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hotline.server.http.ApiException;
import org.hotline.server.http.ApiResponse;
import org.hotline.server.http.Route;

/**
 * The chat widget and the agent console: plain files under {@code web/} in the jar, read once and
 * kept in memory. Only names made of letters, digits, '-', '_' and one dot are served, so no path
 * leaves the folder. Thread-safe.
 */
public final class StaticFiles {
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "svg", "image/svg+xml",
      "png", "image/png",
      "ico", "image/x-icon");

  private final Map<String, ApiResponse> cache = new ConcurrentHashMap<>();

  /**
   * Serves {@code web/<folder>/<file>}, and {@code index.html} for the folder itself. A worker
   * route, since the first read of each file comes from the jar.
   */
  public Route folder(String folder) {
    return Route.blocking(request -> {
      String file = request.pathParam("file");
      return serve(folder + "/" + (file == null ? "index.html" : file));
    });
  }

  private ApiResponse serve(String path) {
    String name = path.substring(path.indexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    if (!name.matches("[A-Za-z0-9_-]+\\.[a-z]+") || !TYPES.containsKey(name.substring(dot + 1))) {
      throw notFound(path);
    }
    return cache.computeIfAbsent(path, p -> {
      try (InputStream in = StaticFiles.class.getResourceAsStream("/web/" + p)) {
        if (in == null) {
          throw notFound(p);
        }
        return new ApiResponse(HttpResponseStatus.OK, TYPES.get(name.substring(dot + 1)), in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static ApiException notFound(String path) {
    return new ApiException(HttpResponseStatus.NOT_FOUND, "not_found", "no such file: /" + path);
  }
}
