package org.hotline.server.ivr;

import static java.util.Objects.requireNonNull;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.hotline.ivr.VoiceBackend;
import org.hotline.ivr.VoiceCall;
import org.hotline.ivr.flow.CallFlow;
import org.hotline.ivr.flow.CallState;
import org.hotline.ivr.flow.Input;
import org.hotline.ivr.flow.Step;
import org.hotline.ivr.vxml.VxmlDocuments;
import org.hotline.server.http.ApiException;
import org.hotline.server.http.ApiRequest;
import org.hotline.server.http.ApiResponse;
import org.hotline.server.http.Route;

/**
 * The call flow for VoiceXML 2.1 browsers: {@code GET /ivr/vxml/start?caller=N} when a call comes in,
 * then {@code GET /ivr/vxml/next?state=..&input=..&inputmode=dtmf|voice|noinput|nomatch} after each
 * prompt. Every answer, errors included, is a VoiceXML document, so the platform always has something
 * to play. Both routes are blocking (the backend uses the database); thread-safe.
 */
public final class VxmlRoutes {
  public static final String CONTENT_TYPE = "application/voicexml+xml; charset=utf-8";
  /** Stands for unrecognised input: no menu offers it, so the flow re-prompts as for an invalid key. */
  static final char NO_MATCH_KEY = 'x';

  private static final System.Logger LOG = System.getLogger(VxmlRoutes.class.getName());

  private final VoiceBackend backend;
  private final CallFlow flow;
  private final VxmlDocuments documents;

  public VxmlRoutes(VoiceBackend backend, CallFlow flow, VxmlDocuments documents) {
    this.backend = requireNonNull(backend, "backend");
    this.flow = requireNonNull(flow, "flow");
    this.documents = requireNonNull(documents, "documents");
  }

  /** A new call: the greeting and the main menu. */
  public Route start() {
    return Route.blocking(request -> respond(request, r -> flow.start(backend.startCall(r.queryParam("caller")))));
  }

  /** The caller's input at the menu the state describes, and what follows. */
  public Route next() {
    return Route.blocking(request -> respond(request, r -> {
      CallState state = state(r.queryParam("state"));
      Input input = input(r.queryParam("input"), r.queryParam("inputmode"));
      VoiceCall call = backend.resume(state.callId());
      Step step = flow.next(state, input, call);
      if (step instanceof Step.Hangup) {
        call.ended();
      }
      return step;
    }));
  }

  private ApiResponse respond(ApiRequest request, Function<ApiRequest, Step> handler) {
    try {
      return ApiResponse.text(CONTENT_TYPE, documents.render(handler.apply(request)));
    } catch (ApiException e) {
      return document(e.status(), documents.error(e.code() + ": " + e.getMessage()));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "VoiceXML request failed", e);
      return document(HttpResponseStatus.INTERNAL_SERVER_ERROR, documents.error("internal error"));
    }
  }

  private static ApiResponse document(HttpResponseStatus status, String xml) {
    return new ApiResponse(status, CONTENT_TYPE, xml.getBytes(StandardCharsets.UTF_8));
  }

  private static CallState state(String token) {
    if (token == null || token.isEmpty()) {
      throw ApiException.badRequest("missing_state", "query parameter 'state' is required");
    }
    try {
      return CallState.decode(token);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("invalid_state", e.getMessage());
    }
  }

  static Input input(String text, String mode) {
    if (mode == null) {
      throw ApiException.badRequest("missing_inputmode", "query parameter 'inputmode' is required");
    }
    String value = text == null ? "" : text.strip();
    return switch (mode) {
      case "dtmf" -> Input.of(value);
      case "voice" -> new Input.Speech(value);
      case "noinput" -> new Input.NoInput();
      case "nomatch" -> new Input.Key(NO_MATCH_KEY);
      default -> throw ApiException.badRequest("invalid_inputmode",
          "inputmode must be dtmf, voice, noinput or nomatch");
    };
  }
}
