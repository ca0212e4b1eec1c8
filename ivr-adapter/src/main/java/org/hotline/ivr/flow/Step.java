package org.hotline.ivr.flow;

import java.util.List;
import org.hotline.ivr.VoiceCall;

/** What the call does next: speak and wait for a key (or speech), speak and transfer, or speak and hang up. */
public sealed interface Step {
  /** The sentences to speak, in order, already prepared for synthesis. */
  List<String> prompts();

  /**
   * Speak, then wait for one of {@code keys}; speech too when {@code speech}.
   *
   * @param faqId the entry just answered, for the platform's records (null otherwise)
   */
  record Collect(List<String> prompts, String keys, boolean speech, CallState state, String faqId) implements Step {
    public Collect {
      prompts = List.copyOf(prompts);
    }
  }

  /** Speak (the ticket number among it), then hand the call to the agents' queue. */
  record Transfer(List<String> prompts, VoiceCall.Handoff handoff, CallState state) implements Step {
    public Transfer {
      prompts = List.copyOf(prompts);
    }
  }

  /** Speak, then end the call. */
  record Hangup(List<String> prompts) implements Step {
    public Hangup {
      prompts = List.copyOf(prompts);
    }
  }
}
