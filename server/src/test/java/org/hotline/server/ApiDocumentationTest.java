package org.hotline.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README documents every path the server routes, so that a rewrite of the README cannot drop
 * the API reference unnoticed (it once did, for nine days).
 */
class ApiDocumentationTest {
  private static final Path README = Path.of("..", "README.md");

  @Test
  void everyRoutedPathIsInTheReadme(@TempDir Path dataDir) throws Exception {
    List<String> routes;
    try (Main.Running server = Main.serve(HotlineConfig.from(Map.of(), List.of("--http-port", "0",
        "--agi-port", "0", "--host", "127.0.0.1", "--data-dir", dataDir.toString(),
        "--admin-password", "admin-secret-1", "--password-iterations", "1000")))) {
      routes = server.routes();
    }
    assertTrue(routes.contains("/api/v1/ask") && routes.contains("/api/v1/tickets/{id}/claim"),
        "routes: " + routes);
    String readme = Files.readString(README);
    List<String> missing = routes.stream()
        .map(template -> template.endsWith("/{file}") // a static folder, documented as the folder
            ? template.substring(0, template.length() - "{file}".length()) : template)
        .filter(path -> !readme.contains(path))
        .toList();
    assertEquals(List.of(), missing, "routed paths the README does not mention");
  }
}
