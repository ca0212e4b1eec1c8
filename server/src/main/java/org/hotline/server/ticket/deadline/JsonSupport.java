package org.hotline.server.ticket.deadline;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Set;

/** Strict reading of the hand-edited data files: every error names the file and the field. */
final class JsonSupport {
  // Duplicate keys and trailing garbage are editing mistakes, not data.
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private JsonSupport() {}

  /** Parses a whole file that must hold one JSON object. */
  static JsonNode readObject(InputStream in, String origin) {
    JsonNode node;
    try (in) {
      node = MAPPER.readTree(in);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(origin + ": malformed JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(origin + ": cannot read", e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(origin + ": expected a JSON object");
    }
    return node;
  }

  /** Rejects misspelt fields instead of silently ignoring them. */
  static void allowOnly(JsonNode object, Set<String> names, String where) {
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!names.contains(name)) {
        throw new IllegalArgumentException(where + ": unknown field \"" + name + "\"");
      }
    }
  }

  static String text(JsonNode object, String field, String where) {
    JsonNode value = object.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException(where + ": \"" + field + "\" must be a non-empty string");
    }
    return value.asText();
  }

  static String optionalText(JsonNode object, String field, String where) {
    return object.has(field) ? text(object, field, where) : null;
  }

  static int integer(JsonNode object, String field, String where) {
    JsonNode value = object.get(field);
    if (value == null || !value.isInt()) {
      throw new IllegalArgumentException(where + ": \"" + field + "\" must be a whole number");
    }
    return value.intValue();
  }

  static JsonNode array(JsonNode object, String field, String where) {
    JsonNode value = object.get(field);
    if (value == null || !value.isArray()) {
      throw new IllegalArgumentException(where + ": \"" + field + "\" must be an array");
    }
    return value;
  }

  static void optionalBoolean(JsonNode object, String field, String where) {
    JsonNode value = object.get(field);
    if (value != null && !value.isBoolean()) {
      throw new IllegalArgumentException(where + ": \"" + field + "\" must be true or false");
    }
  }
}
