package org.hotline.server.http;

import io.netty.handler.codec.http.HttpResponseStatus;

/** A request the API refuses: an HTTP status, a machine-readable code and a message for developers. */
public final class ApiException extends RuntimeException {
  private final HttpResponseStatus status;
  private final String code;

  public ApiException(HttpResponseStatus status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  public static ApiException badRequest(String code, String message) {
    return new ApiException(HttpResponseStatus.BAD_REQUEST, code, message);
  }

  public HttpResponseStatus status() {
    return status;
  }

  public String code() {
    return code;
  }
}
