package org.hotline.server.http;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Routes each aggregated request to its {@link Route}, turns {@link ApiException}s and failures into
 * JSON errors, times every request by route and status, and writes the response. Non-blocking
 * routes run on the event loop; blocking ones on the worker executor. Sharable and thread-safe.
 */
@Sharable
public final class RequestDispatcher extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final System.Logger LOG = System.getLogger(RequestDispatcher.class.getName());

  private final Router router;
  private final Executor workers;
  private final MeterRegistry registry;
  private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();

  public RequestDispatcher(Router router, Executor workers, MeterRegistry registry) {
    this.router = requireNonNull(router, "router");
    this.workers = requireNonNull(workers, "workers");
    this.registry = requireNonNull(registry, "registry");
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    long start = System.nanoTime();
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    if (request.decoderResult().isFailure()) {
      write(ctx, error(HttpResponseStatus.BAD_REQUEST, "bad_request", "malformed HTTP request"),
          false, "unmatched", start);
      return;
    }
    QueryStringDecoder uri = new QueryStringDecoder(request.uri());
    Router.Match match;
    try {
      match = router.route(request.method(), uri.path());
    } catch (ApiException e) {
      write(ctx, error(e.status(), e.code(), e.getMessage()), keepAlive, "unmatched", start);
      return;
    } catch (Router.MethodNotAllowed e) {
      FullHttpResponse response = error(HttpResponseStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
          request.method() + " is not allowed here; use " + String.join(", ", e.allowed));
      response.headers().set(HttpHeaderNames.ALLOW, String.join(", ", e.allowed));
      write(ctx, response, keepAlive, "unmatched", start);
      return;
    }
    ApiRequest apiRequest = new ApiRequest(request, uri, match.params());
    if (!match.route().blocking()) {
      write(ctx, invoke(match, apiRequest), keepAlive, match.template(), start);
      return;
    }
    request.retain();
    try {
      workers.execute(() -> {
        try {
          FullHttpResponse response = invoke(match, apiRequest);
          ctx.executor().execute(() -> write(ctx, response, keepAlive, match.template(), start));
        } finally {
          request.release();
        }
      });
    } catch (RejectedExecutionException e) {
      request.release();
      write(ctx, error(HttpResponseStatus.SERVICE_UNAVAILABLE, "overloaded", "server is busy"),
          keepAlive, match.template(), start);
    }
  }

  private FullHttpResponse invoke(Router.Match match, ApiRequest request) {
    try {
      ApiResponse body = match.route().handle(request);
      FullHttpResponse response = new DefaultFullHttpResponse(
          HttpVersion.HTTP_1_1, body.status(), Unpooled.wrappedBuffer(body.body()));
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, body.contentType());
      return response;
    } catch (ApiException e) {
      return error(e.status(), e.code(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "route " + match.template() + " failed", e);
      return error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal_error", "internal error");
    }
  }

  static FullHttpResponse error(HttpResponseStatus status, String code, String message) {
    FullHttpResponse response = new DefaultFullHttpResponse(
        HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(Json.error(code, message)));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, ApiResponse.JSON);
    return response;
  }

  private void write(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive,
      String template, long start) {
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
    HttpUtil.setKeepAlive(response, keepAlive);
    response.headers().set("X-Content-Type-Options", "nosniff");
    var future = ctx.writeAndFlush(response);
    if (!keepAlive) {
      future.addListener(ChannelFutureListener.CLOSE);
    }
    int status = response.status().code();
    timers.computeIfAbsent(template + ' ' + status, k -> Timer.builder("http.server.requests")
            .description("HTTP requests by route and status")
            .tag("route", template)
            .tag("status", Integer.toString(status))
            .register(registry))
        .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.log(System.Logger.Level.DEBUG, "connection error", cause);
    ctx.close();
  }
}
