package org.hotline.ivr.agi;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One AGI command: a command word such as {@code GET DATA} plus its arguments, written by
 * {@link #toLine()} the way Asterisk's argument parser reads it.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class AgiCommand {
  private static final Pattern WORD = Pattern.compile("[A-Za-z]+( [A-Za-z]+)*");
  private static final Pattern KEYS = Pattern.compile("[0-9*#]*");

  private final String word;
  private final List<String> arguments;
  private final Duration ownTimeout;

  private AgiCommand(String word, List<String> arguments, Duration ownTimeout) {
    requireNonNull(word, "word");
    if (!WORD.matcher(word).matches()) {
      throw new IllegalArgumentException("not an AGI command word: " + word);
    }
    for (String argument : arguments) {
      requireNonNull(argument, "argument");
      if (argument.indexOf('\n') >= 0 || argument.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("AGI arguments cannot contain line breaks");
      }
    }
    this.word = word;
    this.arguments = List.copyOf(arguments);
    this.ownTimeout = requireNonNull(ownTimeout, "ownTimeout");
  }

  /** Any command: {@code of("SAY NUMBER", "42", "")}. */
  public static AgiCommand of(String word, String... arguments) {
    return new AgiCommand(word, List.of(requireNonNull(arguments, "arguments")), Duration.ZERO);
  }

  public static AgiCommand answer() {
    return of("ANSWER");
  }

  public static AgiCommand hangup() {
    return of("HANGUP");
  }

  public static AgiCommand noop() {
    return of("NOOP");
  }

  /** Logs {@code message} on the Asterisk console at verbosity {@code level} (1 to 4). */
  public static AgiCommand verbose(String message, int level) {
    if (level < 1 || level > 4) {
      throw new IllegalArgumentException("verbose level must be 1 to 4: " + level);
    }
    return of("VERBOSE", message, Integer.toString(level));
  }

  public static AgiCommand setVariable(String name, String value) {
    return of("SET VARIABLE", name, value);
  }

  /** Replies {@code 200 result=1 (value)}, or {@code 200 result=0} when the variable is unset. */
  public static AgiCommand getVariable(String name) {
    return of("GET VARIABLE", name);
  }

  /** Plays {@code file}; a key among {@code escapeDigits} stops it and is the result. */
  public static AgiCommand streamFile(String file, String escapeDigits) {
    return of("STREAM FILE", file, keys(escapeDigits));
  }

  /** Plays {@code file} and collects up to {@code maxDigits} keys, '#' ending early. */
  public static AgiCommand getData(String file, long timeoutMillis, int maxDigits) {
    if (maxDigits < 1) {
      throw new IllegalArgumentException("maxDigits must be positive: " + maxDigits);
    }
    return new AgiCommand("GET DATA", List.of(file, Long.toString(nonNegative(timeoutMillis)),
        Integer.toString(maxDigits)), Duration.ofMillis(timeoutMillis));
  }

  /** Waits for one key; {@code -1} waits without limit (the reply timeout still applies). */
  public static AgiCommand waitForDigit(long timeoutMillis) {
    if (timeoutMillis < -1) {
      throw new IllegalArgumentException("timeout must be -1 or more: " + timeoutMillis);
    }
    return new AgiCommand("WAIT FOR DIGIT", List.of(Long.toString(timeoutMillis)),
        Duration.ofMillis(Math.max(0, timeoutMillis)));
  }

  public static AgiCommand sayDigits(String digits, String escapeDigits) {
    return of("SAY DIGITS", digits, keys(escapeDigits));
  }

  /**
   * Runs a dialplan application: {@code exec("Playback", "beep")}. Asterisk's EXEC passes only
   * ONE argument to the application, so {@code args} are joined with ',' (the dialplan's own
   * separator) into that argument: {@code exec("Queue", "support", "t")} sends
   * {@code EXEC Queue support,t}. An arg containing ',' is therefore split by the application.
   */
  public static AgiCommand exec(String application, String... args) {
    requireNonNull(application, "application");
    requireNonNull(args, "args");
    return args.length == 0 ? of("EXEC", application) : of("EXEC", application, String.join(",", args));
  }

  public static AgiCommand speechCreate(String engine) {
    return of("SPEECH CREATE", engine);
  }

  /**
   * Plays {@code prompt} while listening. Asterisk counts this timeout in whole seconds, so the
   * milliseconds are rounded up.
   */
  public static AgiCommand speechRecognize(String prompt, long timeoutMillis) {
    if (timeoutMillis <= 0) {
      throw new IllegalArgumentException("timeout must be positive: " + timeoutMillis);
    }
    long seconds = (timeoutMillis + 999) / 1000;
    return new AgiCommand("SPEECH RECOGNIZE", List.of(prompt, Long.toString(seconds)),
        Duration.ofSeconds(seconds));
  }

  public static AgiCommand speechDestroy() {
    return of("SPEECH DESTROY");
  }

  /** The command word, for example {@code STREAM FILE}. */
  public String word() {
    return word;
  }

  public List<String> arguments() {
    return arguments;
  }

  /** How long Asterisk may legitimately take on its own (GET DATA's timeout); zero for most. */
  public Duration ownTimeout() {
    return ownTimeout;
  }

  /**
   * The command as Asterisk reads it, without the line ending: arguments are separated by one
   * space; an empty one, or one containing blanks, quotes or backslashes, is written in double
   * quotes with {@code "} and {@code \} escaped by a backslash.
   */
  public String toLine() {
    StringBuilder line = new StringBuilder(word);
    for (String argument : arguments) {
      line.append(' ');
      appendQuoted(line, argument);
    }
    return line.toString();
  }

  private static void appendQuoted(StringBuilder line, String argument) {
    boolean plain = !argument.isEmpty() && argument.chars()
        .noneMatch(c -> c == ' ' || c == '\t' || c == '"' || c == '\\');
    if (plain) {
      line.append(argument);
      return;
    }
    line.append('"');
    for (int i = 0; i < argument.length(); i++) {
      char c = argument.charAt(i);
      if (c == '"' || c == '\\') {
        line.append('\\');
      }
      line.append(c);
    }
    line.append('"');
  }

  private static String keys(String escapeDigits) {
    requireNonNull(escapeDigits, "escapeDigits");
    if (!KEYS.matcher(escapeDigits).matches()) {
      throw new IllegalArgumentException("escape digits may only be 0-9, * and #: " + escapeDigits);
    }
    return escapeDigits;
  }

  private static long nonNegative(long timeoutMillis) {
    if (timeoutMillis < 0) {
      throw new IllegalArgumentException("timeout must not be negative: " + timeoutMillis);
    }
    return timeoutMillis;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AgiCommand that && word.equals(that.word) && arguments.equals(that.arguments)
        && ownTimeout.equals(that.ownTimeout);
  }

  @Override
  public int hashCode() {
    return word.hashCode() * 31 + arguments.hashCode();
  }

  @Override
  public String toString() {
    return toLine();
  }
}
