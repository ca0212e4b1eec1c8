package org.hotline.ivr.vxml;

import static java.util.Objects.requireNonNull;

/**
 * What the VoiceXML documents need to know about the site and the telephone platform. Immutable.
 *
 * @param basePath the path the routes are served under, e.g. {@code /ivr/vxml}; documents submit to
 *     {@code basePath + "/next"} (a trailing slash is dropped)
 * @param transferDestination where calls go to agents, e.g. {@code sip:agents@pbx.example}
 * @param speechGrammar URI of the platform's dictation grammar, e.g. {@code builtin:grammar/dictation}
 * @param timeoutSeconds silence after a prompt before it counts as no input
 */
public record VxmlSettings(String basePath, String transferDestination, String speechGrammar, int timeoutSeconds) {
  public VxmlSettings {
    requireNonNull(basePath, "basePath");
    requireNonNull(transferDestination, "transferDestination");
    requireNonNull(speechGrammar, "speechGrammar");
    if (timeoutSeconds < 1) {
      throw new IllegalArgumentException("timeoutSeconds must be at least 1: " + timeoutSeconds);
    }
    while (basePath.endsWith("/")) {
      basePath = basePath.substring(0, basePath.length() - 1);
    }
  }
}
