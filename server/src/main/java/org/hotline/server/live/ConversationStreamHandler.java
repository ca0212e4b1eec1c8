package org.hotline.server.live;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.server.chat.CustomerAuth;
import org.hotline.server.conversation.Conversation;
import org.hotline.server.http.ApiException;
import org.hotline.server.http.HttpServerInitializer;
import org.hotline.server.http.Json;

/**
 * Takes WebSocket upgrades for {@code /api/v1/conversations/{id}/stream}: checks the token (query
 * parameter {@code token} or the subprotocol) on a worker thread, completes the handshake, and hands
 * the channel to the {@link StreamHub}. Other requests pass through. Sharable.
 */
@Sharable
public final class ConversationStreamHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Pattern PATH = Pattern.compile("^/api/v1/conversations/([^/]+)/stream$");
  /** Maximum frame a client may send; clients only send pings. */
  private static final int MAX_FRAME = 4096;

  private final CustomerAuth auth;
  private final StreamHub hub;
  private final Executor workers;

  public ConversationStreamHandler(CustomerAuth auth, StreamHub hub, Executor workers) {
    super(false);
    this.auth = requireNonNull(auth, "auth");
    this.hub = requireNonNull(hub, "hub");
    this.workers = requireNonNull(workers, "workers");
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    // Every API request passes here: the cheap tests first, the URI parsed only for an upgrade.
    if (request.method() != HttpMethod.GET
        || !request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
      ctx.fireChannelRead(request);
      return;
    }
    QueryStringDecoder uri = new QueryStringDecoder(request.uri());
    Matcher m = PATH.matcher(uri.path());
    if (!m.matches()) {
      ctx.fireChannelRead(request);
      return;
    }
    String conversationId = m.group(1);
    String token = first(uri.parameters().get("token"));
    String subprotocol = request.headers().get(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL);
    if (token == null && subprotocol != null) {
      token = subprotocol.split(",")[0].strip();
    }
    Integer after = parseAfter(first(uri.parameters().get("after")));
    String finalToken = token;
    try {
      workers.execute(() -> {
        try {
          Conversation c = auth.authorize(conversationId, finalToken);
          ctx.executor().execute(() -> handshake(ctx, request, c, after));
        } catch (ApiException e) {
          ctx.executor().execute(() -> refuse(ctx, request, e));
        } catch (RuntimeException e) {
          ctx.executor().execute(() -> refuse(ctx, request, new ApiException(
              io.netty.handler.codec.http.HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal_error", "internal error")));
        }
      });
    } catch (RejectedExecutionException e) {
      refuse(ctx, request, new ApiException(io.netty.handler.codec.http.HttpResponseStatus.SERVICE_UNAVAILABLE,
          "overloaded", "server is busy"));
    }
  }

  private void handshake(ChannelHandlerContext ctx, FullHttpRequest request, Conversation c, Integer after) {
    try {
      String location = "ws://" + request.headers().get(HttpHeaderNames.HOST) + request.uri();
      WebSocketServerHandshaker handshaker =
          new WebSocketServerHandshakerFactory(location, "*", false, MAX_FRAME).newHandshaker(request);
      if (handshaker == null) {
        WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
        return;
      }
      var pipeline = ctx.pipeline();
      // After the upgrade the connection carries frames only: pings replace the idle closer, the
      // frame handler replaces this handler, and the HTTP dispatcher leaves.
      pipeline.replace(HttpServerInitializer.IDLE_CLOSER, "stream-keepalive", new StreamKeepAlive());
      pipeline.replace(this, "stream-frames", new StreamFrameHandler(handshaker));
      pipeline.remove(org.hotline.server.http.RequestDispatcher.class);
      handshaker.handshake(ctx.channel(), request).addListener((ChannelFutureListener) f -> {
        if (f.isSuccess()) {
          hub.register(c, f.channel(), after);
        } else {
          f.channel().close();
        }
      });
    } finally {
      request.release();
    }
  }

  private static void refuse(ChannelHandlerContext ctx, FullHttpRequest request, ApiException e) {
    try {
      FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, e.status(),
          Unpooled.wrappedBuffer(Json.error(e.code(), e.getMessage())));
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
      response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    } finally {
      request.release();
    }
  }

  private static Integer parseAfter(String value) {
    try {
      return value == null ? null : Integer.valueOf(value);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String first(List<String> values) {
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
