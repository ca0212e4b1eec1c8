package org.hotline.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/** JSON reading and writing for the API with one shared, thread-safe mapper. */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  public static byte[] bytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses a request body that must be a JSON object; 400 otherwise. */
  public static ObjectNode parseObject(String body) {
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (IOException e) {
      throw ApiException.badRequest("malformed_json", "request body is not valid JSON");
    }
    if (node == null || !node.isObject()) {
      throw ApiException.badRequest("malformed_json", "request body must be a JSON object");
    }
    return (ObjectNode) node;
  }

  public static byte[] error(String code, String message) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("error", code);
    node.put("message", message);
    return bytes(node);
  }
}
