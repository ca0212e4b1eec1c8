package org.hotline.kb.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of an evaluation set: a question, the entry that should answer it (null for an
 * out-of-domain question that must not be answered), and its kind (paraphrase, speech,
 * traditional, out-of-domain).
 */
public record EvalQuestion(String question, String expected, String kind) {
  public static final String OUT_OF_DOMAIN = "out-of-domain";

  public boolean inDomain() {
    return expected != null;
  }

  /** Reads a JSON Lines file; blank lines are skipped; a bad line fails with its number. */
  public static List<EvalQuestion> readJsonLines(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<EvalQuestion> out = new ArrayList<>();
    int lineNo = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = json.readTree(line);
      } catch (IOException e) {
        throw new IOException(file + ":" + lineNo + ": invalid JSON", e);
      }
      String question = node.path("question").asText("");
      if (question.isBlank()) {
        throw new IOException(file + ":" + lineNo + ": missing question");
      }
      JsonNode expected = node.get("expected");
      String id = expected == null || expected.isNull() ? null : expected.asText();
      String kind = node.path("kind").asText(id == null ? OUT_OF_DOMAIN : "paraphrase");
      out.add(new EvalQuestion(question, id, kind));
    }
    return out;
  }
}
