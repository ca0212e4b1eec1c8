package org.hotline.ivr.asterisk;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.hotline.ivr.VoiceBackend;
import org.hotline.ivr.VoiceCall;
import org.hotline.ivr.agi.AgiCall;
import org.hotline.ivr.agi.AgiCommand;
import org.hotline.ivr.agi.AgiReply;
import org.hotline.ivr.agi.AgiScript;
import org.hotline.ivr.flow.CallFlow;
import org.hotline.ivr.flow.Input;
import org.hotline.ivr.flow.Step;

/**
 * Runs the {@link CallFlow} on a FastAGI call: speaks each step's prompts, collects a key (or a
 * spoken question), and on hand-off sets {@code HOTLINE_QUEUE} and {@code HOTLINE_TICKET} and
 * closes the socket so the dialplan continues with {@code Queue(...)}. Backend calls and prompt
 * rendering run on the worker executor; the event loop is never blocked. Thread-safe (one
 * {@code Session} per call).
 */
public final class AgiCallScript implements AgiScript {
  private static final System.Logger LOG = System.getLogger(AgiCallScript.class.getName());
  /** Channel variables the dialplan reads after a hand-off. */
  public static final String QUEUE_VARIABLE = "HOTLINE_QUEUE";
  public static final String TICKET_VARIABLE = "HOTLINE_TICKET";
  public static final String FAQ_VARIABLE = "HOTLINE_FAQ";
  /** The queue a call goes to when the flow itself fails: a caller is never simply dropped. */
  public static final String FALLBACK_QUEUE = "hotline";

  private final VoiceBackend backend;
  private final CallFlow flow;
  private final VoiceOutput output;
  private final SpeechInput speech;
  private final Executor workers;
  private final long inputTimeoutMillis;

  public AgiCallScript(VoiceBackend backend, CallFlow flow, VoiceOutput output, SpeechInput speech,
      Executor workers, long inputTimeoutMillis) {
    this.backend = requireNonNull(backend, "backend");
    this.flow = requireNonNull(flow, "flow");
    this.output = requireNonNull(output, "output");
    this.speech = requireNonNull(speech, "speech");
    this.workers = requireNonNull(workers, "workers");
    this.inputTimeoutMillis = inputTimeoutMillis;
  }

  @Override
  public void start(AgiCall call) {
    new Session(call).begin();
  }

  /** Thrown to stop a call's chain quietly: the caller is gone. */
  private static final class Gone extends RuntimeException {
    Gone() {
      super("caller gone", null, false, false);
    }
  }

  private final class Session {
    private final AgiCall call;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile VoiceCall voice;
    private volatile boolean handedOff;

    Session(AgiCall call) {
      this.call = call;
    }

    void begin() {
      call.onHangup(this::finish);
      send(AgiCommand.answer())
          .thenCompose(r -> setUpSpeech())
          .thenCompose(r -> blocking(() -> {
            voice = backend.startCall(call.environment().callerId());
            return flow.start(voice);
          }))
          .thenCompose(this::perform)
          .whenComplete((done, error) -> {
            Throwable cause = error instanceof CompletionException ? error.getCause() : error;
            if (cause != null && !(cause instanceof Gone) && call.isOpen() && !call.hungUp()) {
              LOG.log(System.Logger.Level.WARNING, "call " + call.environment().uniqueId() + " failed, sent to "
                  + FALLBACK_QUEUE + ": " + cause);
              call.send(AgiCommand.setVariable(QUEUE_VARIABLE, FALLBACK_QUEUE)).whenComplete((r, e) -> call.close());
            } else {
              call.close();
            }
            finish();
          });
    }

    private CompletableFuture<Void> perform(Step step) {
      if (!call.isOpen() || call.hungUp()) {
        return CompletableFuture.completedFuture(null);
      }
      if (step instanceof Step.Collect c) {
        CompletableFuture<AgiReply> before = c.faqId() == null ? CompletableFuture.completedFuture(null)
            : send(AgiCommand.setVariable(FAQ_VARIABLE, c.faqId()));
        return before.thenCompose(r -> prepare(c.prompts()))
            .thenCompose(prepared -> collect(c, prepared))
            .thenCompose(input -> blocking(() -> flow.next(c.state(), input, voice)))
            .thenCompose(this::perform);
      }
      if (step instanceof Step.Transfer t) {
        handedOff = true;
        return prepare(t.prompts())
            .thenCompose(prepared -> speakAll(prepared))
            .thenCompose(r -> send(AgiCommand.setVariable(QUEUE_VARIABLE, t.handoff().queue())))
            .thenCompose(r -> send(AgiCommand.setVariable(TICKET_VARIABLE, t.handoff().ticketNumber())))
            .thenApply(r -> null);
      }
      Step.Hangup h = (Step.Hangup) step;
      return prepare(h.prompts())
          .thenCompose(this::speakAll)
          .thenCompose(r -> send(AgiCommand.hangup()))
          .thenApply(r -> null);
    }

    /** Plays the prompts (keys may interrupt all but an EXEC prompt), then waits for a key or speech. */
    private CompletableFuture<Input> collect(Step.Collect c, List<VoiceOutput.Prepared> prompts) {
      CompletableFuture<Input> chain = CompletableFuture.completedFuture(null);
      for (int i = 0; i < prompts.size() - 1; i++) {
        VoiceOutput.Prepared p = prompts.get(i);
        chain = chain.thenCompose(in -> in != null ? CompletableFuture.completedFuture(in) : speak(p, c.keys()));
      }
      VoiceOutput.Prepared last = prompts.get(prompts.size() - 1);
      return chain.thenCompose(in -> in != null ? CompletableFuture.completedFuture(in) : listen(last, c));
    }

    /** Plays the last prompt while waiting for a key (or speech). */
    private CompletableFuture<Input> listen(VoiceOutput.Prepared last, Step.Collect c) {
      if (last.files().isEmpty()) {
        return send(last.speak()).thenCompose(r -> collectWhile(output.silence(), c));
      }
      // all but the last file play first (keys interrupt them); the last plays while keys are collected
      List<String> files = last.files();
      VoiceOutput.Prepared head = new VoiceOutput.Prepared(files.subList(0, files.size() - 1), null);
      return speak(head, c.keys()).thenCompose(in -> in != null ? CompletableFuture.completedFuture(in)
          : collectWhile(files.get(files.size() - 1), c));
    }

    private CompletableFuture<Input> collectWhile(String file, Step.Collect c) {
      if (c.speech() && speech instanceof SpeechInput.Recognize) {
        return send(AgiCommand.speechRecognize(file, inputTimeoutMillis)).thenApply(Session::recognized);
      }
      CompletableFuture<Input> keys = send(AgiCommand.getData(file, inputTimeoutMillis, 1))
          .thenApply(r -> Input.of(r.digitsTyped()));
      if (c.speech() && speech instanceof SpeechInput.Variable v) {
        return keys.thenCompose(in -> in instanceof Input.NoInput ? fromVariable(v) : CompletableFuture.completedFuture(in));
      }
      return keys;
    }

    private CompletableFuture<Input> fromVariable(SpeechInput.Variable v) {
      CompletableFuture<AgiReply> recognizer = v.recognizerApp() == null ? CompletableFuture.completedFuture(null)
          : send(AgiCommand.exec(v.recognizerApp(), v.recognizerArgs()));
      return recognizer.thenCompose(r -> send(AgiCommand.getVariable(v.variable())))
          .thenCompose(r -> {
            String text = r.resultAsInt() == 1 ? r.data() : null;
            if (text == null || text.isBlank()) {
              return CompletableFuture.completedFuture((Input) new Input.NoInput());
            }
            return send(AgiCommand.setVariable(v.variable(), "")).thenApply(x -> (Input) new Input.Speech(text));
          });
    }

    private static Input recognized(AgiReply reply) {
      if ("speech".equals(reply.data()) && reply.attribute("text0") != null) {
        return new Input.Speech(reply.attribute("text0"));
      }
      if ("dtmf".equals(reply.data())) {
        Character key = reply.digitPressed();
        return key == null ? new Input.NoInput() : new Input.Key(key);
      }
      return new Input.NoInput();
    }

    /** Plays a prompt; completes with the key that interrupted it, or null. */
    private CompletableFuture<Input> speak(VoiceOutput.Prepared p, String escapeKeys) {
      if (p.files().isEmpty()) {
        return p.speak() == null ? CompletableFuture.completedFuture(null) : send(p.speak()).thenApply(r -> null);
      }
      CompletableFuture<Input> chain = CompletableFuture.completedFuture(null);
      for (String file : p.files()) {
        chain = chain.thenCompose(in -> in != null ? CompletableFuture.completedFuture(in)
            : send(AgiCommand.streamFile(file, escapeKeys)).thenApply(r -> {
              Character key = r.digitPressed();
              return key == null ? null : (Input) new Input.Key(key);
            }));
      }
      return chain;
    }

    private CompletableFuture<Void> speakAll(List<VoiceOutput.Prepared> prompts) {
      CompletableFuture<Input> chain = CompletableFuture.completedFuture(null);
      for (VoiceOutput.Prepared p : prompts) {
        chain = chain.thenCompose(in -> speak(p, ""));
      }
      return chain.thenApply(in -> null);
    }

    private CompletableFuture<Void> setUpSpeech() {
      if (!(speech instanceof SpeechInput.Recognize r)) {
        return CompletableFuture.completedFuture(null);
      }
      return send(AgiCommand.speechCreate(r.engine()))
          .thenCompose(x -> send(AgiCommand.of("SPEECH ACTIVATE GRAMMAR", r.grammar())))
          .thenApply(x -> null);
    }

    private CompletableFuture<List<VoiceOutput.Prepared>> prepare(List<String> prompts) {
      return blocking(() -> {
        List<VoiceOutput.Prepared> prepared = new ArrayList<>();
        for (String text : prompts) {
          prepared.add(output.prepare(text));
        }
        return prepared;
      });
    }

    /** Sends a command; a dead channel stops the call's chain. */
    private CompletableFuture<AgiReply> send(AgiCommand command) {
      return call.send(command).thenApply(reply -> {
        if (reply.channelGone()) {
          throw new Gone();
        }
        return reply;
      });
    }

    /** Runs blocking work on a worker, continuing on the call's event loop. */
    private <T> CompletableFuture<T> blocking(Supplier<T> work) {
      return CompletableFuture.supplyAsync(work, workers).thenApplyAsync(x -> x, call.executor());
    }

    private void finish() {
      VoiceCall v = voice;
      if (v != null && !handedOff && finished.compareAndSet(false, true)) {
        workers.execute(() -> {
          try {
            v.ended();
          } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not record the end of call " + v.id() + ": " + e);
          }
        });
      }
    }
  }
}
