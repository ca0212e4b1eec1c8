package org.hotline.ivr.asterisk;

/**
 * Where a caller's spoken question comes from when no key was pressed: nowhere (keys only), a
 * channel variable the site's recogniser fills (optionally after running the recogniser
 * application), or Asterisk's SPEECH RECOGNIZE with a grammar the engine has loaded. Immutable.
 */
public sealed interface SpeechInput {
  /** Keys only. */
  record None() implements SpeechInput {}

  /**
   * Read (then clear) {@code variable}; when {@code recognizer} is set, EXEC it first
   * ({@code App(args)}) so it can fill the variable.
   */
  record Variable(String variable, String recognizerApp, String recognizerArgs) implements SpeechInput {}

  /** SPEECH CREATE {@code engine}, SPEECH ACTIVATE GRAMMAR {@code grammar}, then SPEECH RECOGNIZE. */
  record Recognize(String engine, String grammar) implements SpeechInput {}

  /** Parses {@code none}, {@code variable:NAME}, {@code variable:NAME:App(args)} or {@code recognize:ENGINE:GRAMMAR}. */
  public static SpeechInput parse(String spec) {
    if (spec == null || spec.isBlank() || spec.equals("none")) {
      return new None();
    }
    String[] parts = spec.split(":", 3);
    if (parts[0].equals("variable") && parts.length >= 2 && !parts[1].isBlank()) {
      if (parts.length == 2) {
        return new Variable(parts[1], null, null);
      }
      String raw = parts[2];
      int open = raw.indexOf('(');
      return new Variable(parts[1], open < 0 ? raw : raw.substring(0, open),
          open < 0 ? "" : raw.substring(open + 1, raw.length() - 1));
    }
    if (parts[0].equals("recognize") && parts.length == 3) {
      return new Recognize(parts[1], parts[2]);
    }
    throw new IllegalArgumentException("speech input must be none, variable:NAME[:App(args)] or recognize:ENGINE:GRAMMAR, got "
        + spec);
  }
}
