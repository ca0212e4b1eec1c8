package org.hotline.kb.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies the knowledge base shipped in the jar into a directory, as the starting point of an
 * operator's editable copy ({@code HOTLINE_KB_DIR}). Stateless.
 */
public final class BundledContent {
  private BundledContent() {}

  /** Writes every bundled file into {@code dir} (created if needed) and returns their names. */
  public static List<String> copyTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    List<String> files = new ArrayList<>(List.of(
        ContentLoader.CATEGORIES, ContentLoader.SYNONYMS, ContentLoader.FRAUD_TRIGGERS));
    try (InputStream in = open(ContentLoader.CATEGORIES)) {
      for (JsonNode category : new ObjectMapper().readTree(in)) {
        files.add(category.path("id").asText() + ".json");
      }
    }
    for (String name : files) {
      try (InputStream in = open(name)) {
        Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return files;
  }

  private static InputStream open(String name) throws IOException {
    InputStream in = ContentSource.bundled().open(name);
    if (in == null) {
      throw new IOException("bundled knowledge base lacks " + name);
    }
    return in;
  }
}
