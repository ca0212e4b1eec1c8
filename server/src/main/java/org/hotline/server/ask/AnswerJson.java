package org.hotline.server.ask;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.kb.Answer;
import org.hotline.kb.KnowledgeBase;
import org.hotline.kb.content.FaqEntry;
import org.hotline.server.http.Json;

/**
 * Writes an {@link AskResponse} as JSON from parts encoded once per knowledge-base version: each
 * entry's answer fields and each entry as a suggestion. The bytes are the same as Jackson's for
 * the whole response (tested), but the answer cache then holds small {@link Answer}s rather than
 * kilobytes of JSON each: under uncached load the cache turns over constantly, and every young
 * collection had to copy the live entries' JSON. Immutable; thread-safe.
 */
public final class AnswerJson {
  private static final byte[] NOT_ANSWERED = ascii(
      "{\"answered\":false,\"answer\":null,\"voiceAnswer\":null,\"faqId\":null,\"category\":null,\"source\":null,");

  private final Map<String, byte[]> answered = new HashMap<>();
  private final Map<String, Suggested> suggested = new HashMap<>();

  /** An entry as a suggestion: its canonical question and the suggestion object's bytes. */
  private record Suggested(String question, byte[] json) {}

  /** An entry's fields in an answered response, in {@link AskResponse}'s order. */
  private record EntryFields(String answer, String voiceAnswer, String faqId, String category, String source) {}

  AnswerJson(KnowledgeBase kb) {
    for (FaqEntry e : kb.content().entries()) {
      byte[] fields = Json.bytes(new EntryFields(e.answer(), e.voiceAnswer(), e.id(), e.category(), e.source()));
      // {"answered":true, then the fields without their braces, then a comma.
      ByteArrayOutputStream out = new ByteArrayOutputStream(fields.length + 20);
      out.writeBytes(ascii("{\"answered\":true,"));
      out.write(fields, 1, fields.length - 2);
      out.write(',');
      answered.put(e.id(), out.toByteArray());
      suggested.put(e.id(), new Suggested(e.question(),
          Json.bytes(new AskResponse.SuggestionView(e.id(), e.question()))));
    }
  }

  byte[] encode(Answer answer) {
    byte[] head = answer instanceof Answer.Answered a ? answered.get(a.entry().id()) : NOT_ANSWERED;
    if (head == null) { // an entry of another version: cannot happen, the caller checks
      return Json.bytes(AskResponse.of(answer));
    }
    List<Answer.Suggestion> suggestions = answer.suggestions();
    byte[][] parts = new byte[suggestions.size()][];
    int partsLength = Math.max(0, parts.length - 1); // the commas between them
    for (int i = 0; i < parts.length; i++) {
      Answer.Suggestion s = suggestions.get(i);
      Suggested known = suggested.get(s.faqId());
      // A suggestion offers an entry's canonical question; anything else is written out in full.
      parts[i] = known != null && known.question().equals(s.question())
          ? known.json()
          : Json.bytes(new AskResponse.SuggestionView(s.faqId(), s.question()));
      partsLength += parts[i].length;
    }
    boolean fraudWarning = answer instanceof Answer.Answered a && a.fraudWarning();
    byte[] middle = ascii("\"confidence\":" + AskResponse.rounded(answer.confidence())
        + ",\"fraudWarning\":" + fraudWarning + ",\"suggestions\":[");
    // Written straight into an array of the exact size: no buffer to grow or copy out of.
    byte[] json = new byte[head.length + middle.length + partsLength + 2];
    int at = put(json, 0, head);
    at = put(json, at, middle);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        json[at++] = ',';
      }
      at = put(json, at, parts[i]);
    }
    json[at++] = ']';
    json[at] = '}';
    return json;
  }

  private static int put(byte[] target, int at, byte[] bytes) {
    System.arraycopy(bytes, 0, target, at, bytes.length);
    return at + bytes.length;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
