package org.hotline.ivr.agi;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Limits and timeouts of the FastAGI server.
 *
 * <p>Immutable and safe to share between threads.
 *
 * @param maxLineLength longest line accepted from Asterisk, in bytes; a longer one closes the call
 * @param maxEnvironmentLines most {@code agi_*} lines before the empty line; also the most lines
 *     of one multi-line (520) reply
 * @param idleTimeout a connection silent for this long is closed: a peer stalled in its
 *     environment, or a script that left its call without a command; not while a command awaits
 *     its reply, which {@code commandTimeout} bounds
 * @param commandTimeout how long a reply may take, on top of the command's own timeout
 * @param maxUnsolicitedLines most lines accepted that answer no command; one more closes the call
 * @param scriptName the {@code agi_network_script} served; other requests are closed at once
 */
public record AgiSettings(int maxLineLength, int maxEnvironmentLines, Duration idleTimeout,
    Duration commandTimeout, int maxUnsolicitedLines, String scriptName) {

  public AgiSettings {
    positive(maxLineLength, "maxLineLength");
    positive(maxEnvironmentLines, "maxEnvironmentLines");
    positive(idleTimeout, "idleTimeout");
    positive(commandTimeout, "commandTimeout");
    if (maxUnsolicitedLines < 0) {
      throw new IllegalArgumentException("maxUnsolicitedLines must not be negative");
    }
    requireNonNull(scriptName, "scriptName");
  }

  /** 8192-byte lines, 200 environment lines, 5 min idle, 60 s per command, 20 unsolicited, "hotline". */
  public static AgiSettings defaults() {
    return new AgiSettings(8192, 200, Duration.ofMinutes(5), Duration.ofSeconds(60), 20, "hotline");
  }

  public AgiSettings withMaxLineLength(int value) {
    return new AgiSettings(value, maxEnvironmentLines, idleTimeout, commandTimeout, maxUnsolicitedLines, scriptName);
  }

  public AgiSettings withMaxEnvironmentLines(int value) {
    return new AgiSettings(maxLineLength, value, idleTimeout, commandTimeout, maxUnsolicitedLines, scriptName);
  }

  public AgiSettings withIdleTimeout(Duration value) {
    return new AgiSettings(maxLineLength, maxEnvironmentLines, value, commandTimeout, maxUnsolicitedLines, scriptName);
  }

  public AgiSettings withCommandTimeout(Duration value) {
    return new AgiSettings(maxLineLength, maxEnvironmentLines, idleTimeout, value, maxUnsolicitedLines, scriptName);
  }

  public AgiSettings withMaxUnsolicitedLines(int value) {
    return new AgiSettings(maxLineLength, maxEnvironmentLines, idleTimeout, commandTimeout, value, scriptName);
  }

  public AgiSettings withScriptName(String value) {
    return new AgiSettings(maxLineLength, maxEnvironmentLines, idleTimeout, commandTimeout, maxUnsolicitedLines, value);
  }

  private static void positive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }

  private static void positive(Duration value, String name) {
    requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }
}
