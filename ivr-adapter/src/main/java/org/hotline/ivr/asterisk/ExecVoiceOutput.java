package org.hotline.ivr.asterisk;

import static java.util.Objects.requireNonNull;

import org.hotline.ivr.agi.AgiCommand;

/**
 * Prompts spoken by an Asterisk application through {@code EXEC}, for sites with a TTS engine
 * (configured as {@code exec:App(args)}, where {@code {text}} in args stands for the prompt).
 * Immutable.
 */
public final class ExecVoiceOutput implements VoiceOutput {
  private final String application;
  private final String argumentTemplate;

  public ExecVoiceOutput(String application, String argumentTemplate) {
    this.application = requireNonNull(application, "application");
    this.argumentTemplate = requireNonNull(argumentTemplate, "argumentTemplate");
    if (!argumentTemplate.contains("{text}")) {
      throw new IllegalArgumentException("the arguments must contain {text}: " + argumentTemplate);
    }
  }

  /** Parses {@code App} or {@code App(args)}; without args the prompt is the only argument. */
  public static ExecVoiceOutput parse(String spec) {
    int open = spec.indexOf('(');
    if (open < 0) {
      return new ExecVoiceOutput(spec.strip(), "{text}");
    }
    if (!spec.endsWith(")")) {
      throw new IllegalArgumentException("expected App(args), got " + spec);
    }
    return new ExecVoiceOutput(spec.substring(0, open).strip(), spec.substring(open + 1, spec.length() - 1));
  }

  @Override
  public Prepared prepare(String text) {
    // Application arguments are comma-separated: a comma in the prompt would split it.
    String safe = text.replace(',', '，').replace('\n', ' ');
    return new Prepared(java.util.List.of(), AgiCommand.exec(application, argumentTemplate.replace("{text}", safe)));
  }

  @Override
  public String silence() {
    return "silence/1";
  }
}
