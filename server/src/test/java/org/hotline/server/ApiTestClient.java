package org.hotline.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** A real HTTP client for a server started on a random port. */
final class ApiTestClient {
  static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newHttpClient();
  private final String base;

  ApiTestClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> post(String path, String contentType, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    return client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
    return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  JsonNode ask(String question) throws IOException, InterruptedException {
    HttpResponse<String> response = postJson("/api/v1/ask",
        JSON.createObjectNode().put("question", question).toString());
    if (response.statusCode() != 200) {
      throw new AssertionError("ask returned " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  /** A request with an optional bearer token and an optional JSON body. */
  HttpResponse<String> call(String method, String path, String token, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    if (json != null) {
      builder.header("Content-Type", "application/json");
    }
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** Like {@link #call} but insists on a 2xx status and returns the JSON body. */
  JsonNode ok(String method, String path, String token, String json) throws IOException, InterruptedException {
    HttpResponse<String> response = call(method, path, token, json);
    if (response.statusCode() / 100 != 2) {
      throw new AssertionError(method + " " + path + " returned " + response.statusCode() + ": " + response.body());
    }
    return response.body().isEmpty() ? null : JSON.readTree(response.body());
  }

  /** Opens a conversation's live stream; frames land in the queue as text. */
  java.net.http.WebSocket stream(String conversationId, String token,
      java.util.concurrent.BlockingQueue<String> frames) {
    java.net.http.WebSocket.Listener listener = new java.net.http.WebSocket.Listener() {
      private final StringBuilder partial = new StringBuilder();

      @Override
      public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket ws, CharSequence data,
          boolean last) {
        partial.append(data);
        if (last) {
          frames.add(partial.toString());
          partial.setLength(0);
        }
        ws.request(1);
        return null;
      }
    };
    return client.newWebSocketBuilder()
        .buildAsync(URI.create(base.replace("http:", "ws:") + "/api/v1/conversations/" + conversationId
            + "/stream?token=" + token), listener)
        .join();
  }

  String base() {
    return base;
  }

  static String body(Object... keyValues) {
    var node = JSON.createObjectNode();
    for (int i = 0; i < keyValues.length; i += 2) {
      node.putPOJO((String) keyValues[i], keyValues[i + 1]);
    }
    return node.toString();
  }

  static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }
}
