package org.hotline.kb.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where knowledge-base files come from: an operator's directory or the copy shipped in the jar.
 * Implementations are stateless and thread-safe.
 */
public interface ContentSource {

  /** Opens the named file, or returns null when it does not exist. */
  InputStream open(String name) throws IOException;

  /**
   * The names of the category files present ({@code *.json} other than the fixed files), or null
   * when the source cannot list (the classpath), in which case one file per known category is read.
   */
  List<String> categoryFiles();

  /** A human-readable description for error messages and logs. */
  String describe();

  static ContentSource directory(Path dir) {
    return new ContentSource() {
      @Override
      public InputStream open(String name) throws IOException {
        Path file = dir.resolve(name);
        return Files.isRegularFile(file) ? Files.newInputStream(file) : null;
      }

      @Override
      public List<String> categoryFiles() {
        try (Stream<Path> files = Files.list(dir)) {
          return files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".json"))
              .filter(n -> !ContentLoader.FIXED_FILES.contains(n))
              .sorted()
              .toList();
        } catch (IOException e) {
          throw new ContentException(dir.toString(), null, "cannot list the directory: " + e, e);
        }
      }

      @Override
      public String describe() {
        return dir.toString();
      }
    };
  }

  /** The knowledge base shipped in the jar, under {@code /kb/}. */
  static ContentSource bundled() {
    return new ContentSource() {
      @Override
      public InputStream open(String name) {
        return ContentSource.class.getResourceAsStream("/kb/" + name);
      }

      @Override
      public List<String> categoryFiles() {
        return null;
      }

      @Override
      public String describe() {
        return "bundled knowledge base";
      }
    };
  }
}
