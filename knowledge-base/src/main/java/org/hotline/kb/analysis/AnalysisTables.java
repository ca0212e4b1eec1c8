package org.hotline.kb.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the analysis tables shipped on the classpath under {@code /analysis/} (regional wordings,
 * variant characters): part of the analysis, not of the editable content. Stateless.
 */
final class AnalysisTables {
  private AnalysisTables() {}

  /** The table's lines, without blank lines and {@code #} comments; fails when it is missing. */
  static List<String> lines(String name) {
    try (InputStream in = AnalysisTables.class.getResourceAsStream("/analysis/" + name)) {
      if (in == null) {
        throw new IllegalStateException("analysis/" + name + " missing from the classpath");
      }
      return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R"))
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
