package org.hotline.ivr.asterisk;

import java.nio.file.Path;

/** Builds the configured {@link VoiceOutput}. Stateless. */
public final class VoiceOutputs {
  private VoiceOutputs() {}

  /**
   * {@code espeak} (the default: espeak-ng's Mandarin voice, resampled by sox), {@code exec:App(args)}
   * (a TTS application; {@code {text}} in args is the prompt), or {@code command:CMD args; CMD args}
   * (render commands with {@code {text}}, {@code {file}} and {@code {raw}}).
   *
   * @param cache where rendered prompts are kept
   */
  public static VoiceOutput parse(String spec, Path cache) {
    if (spec == null || spec.isBlank() || spec.equals("espeak")) {
      return new RenderedVoiceOutput(cache, RenderedVoiceOutput.ESPEAK);
    }
    if (spec.startsWith("exec:")) {
      return ExecVoiceOutput.parse(spec.substring("exec:".length()));
    }
    if (spec.startsWith("command:")) {
      return new RenderedVoiceOutput(cache, RenderedVoiceOutput.parseCommands(spec.substring("command:".length())));
    }
    throw new IllegalArgumentException("TTS must be espeak, exec:App(args) or command:..., got " + spec);
  }
}
