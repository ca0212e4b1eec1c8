package org.hotline.ivr.asterisk;

import org.hotline.ivr.agi.AgiCommand;

/**
 * How prompts become sound on an Asterisk channel: an application that speaks text (a TTS engine
 * reached through EXEC), or audio files rendered once per distinct prompt and streamed. Thread-safe;
 * {@link #prepare} may block (rendering), so callers run it off the event loop.
 */
public interface VoiceOutput {
  /**
   * A prompt ready to play.
   *
   * @param files the sound files (no extension) to stream in order, empty when {@code speak} speaks it
   * @param speak the command that speaks it when there are no files (EXEC of a TTS application)
   */
  record Prepared(java.util.List<String> files, AgiCommand speak) {
    public Prepared {
      files = java.util.List.copyOf(files);
    }
  }

  Prepared prepare(String text);

  /** The sound played while waiting for keys after an EXEC prompt (a short silence). */
  String silence();
}
