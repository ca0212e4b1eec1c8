package org.hotline.server.http;

import io.netty.handler.codec.http.HttpResponseStatus;

/** A response body ready to send: status, content type and bytes. Immutable. */
public record ApiResponse(HttpResponseStatus status, String contentType, byte[] body) {
  public static final String JSON = "application/json; charset=utf-8";

  public static ApiResponse json(Object value) {
    return new ApiResponse(HttpResponseStatus.OK, JSON, Json.bytes(value));
  }

  public static ApiResponse json(HttpResponseStatus status, Object value) {
    return new ApiResponse(status, JSON, Json.bytes(value));
  }

  public static ApiResponse noContent() {
    return new ApiResponse(HttpResponseStatus.NO_CONTENT, JSON, new byte[0]);
  }

  public static ApiResponse jsonBytes(HttpResponseStatus status, byte[] body) {
    return new ApiResponse(status, JSON, body);
  }

  public static ApiResponse text(String contentType, String body) {
    return new ApiResponse(
        HttpResponseStatus.OK, contentType, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
