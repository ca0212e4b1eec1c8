package org.hotline.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A request as routes see it: method, path parameters, query parameters and the body, decoded
 * strictly. Valid only during the route call (the body buffer belongs to Netty).
 */
public final class ApiRequest {
  private final FullHttpRequest request;
  private final QueryStringDecoder uri;
  private final Map<String, String> pathParams;

  ApiRequest(FullHttpRequest request, QueryStringDecoder uri, Map<String, String> pathParams) {
    this.request = request;
    this.uri = uri;
    this.pathParams = pathParams;
  }

  public String pathParam(String name) {
    return pathParams.get(name);
  }

  public String queryParam(String name) {
    List<String> values = uri.parameters().get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  public String header(CharSequence name) {
    return request.headers().get(name);
  }

  /**
   * The body as a JSON object. Accepted content types: {@code application/json} (UTF-8), none, and
   * {@code application/x-www-form-urlencoded}, which is what {@code curl -d} sends by default and
   * whose body is then read as JSON too; anything else is 415. 400 unless valid UTF-8 JSON.
   */
  public com.fasterxml.jackson.databind.node.ObjectNode jsonBody() {
    String type = header(HttpHeaderNames.CONTENT_TYPE);
    if (type != null) {
      String lower = type.toLowerCase(java.util.Locale.ROOT).replace(" ", "");
      boolean json = lower.startsWith("application/json");
      boolean curlDefault = lower.startsWith("application/x-www-form-urlencoded");
      if (!json && !curlDefault) {
        throw new ApiException(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
            "Content-Type must be application/json");
      }
      if (lower.contains("charset=") && !lower.contains("charset=utf-8")) {
        throw new ApiException(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
            "the body must be UTF-8");
      }
    }
    return Json.parseObject(utf8Body());
  }

  /** The body decoded as UTF-8; 400 when it is not valid UTF-8. */
  public String utf8Body() {
    ByteBuf content = request.content();
    ByteBuffer bytes = content.nioBuffer();
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes)
          .toString();
    } catch (CharacterCodingException e) {
      throw ApiException.badRequest("invalid_utf8", "request body is not valid UTF-8");
    }
  }
}
