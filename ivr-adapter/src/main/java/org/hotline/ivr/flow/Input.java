package org.hotline.ivr.flow;

/** What the caller did at a prompt: pressed a key, said something, or nothing. */
public sealed interface Input {
  /** A key: 0-9, * or #. */
  record Key(char key) implements Input {}

  /** Text the platform's recogniser heard. */
  record Speech(String text) implements Input {}

  /** Silence until the prompt timed out. */
  record NoInput() implements Input {}

  static Input of(String digits) {
    return digits == null || digits.isEmpty() ? new NoInput() : new Key(digits.charAt(0));
  }
}
