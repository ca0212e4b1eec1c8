package org.hotline.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Settings from environment variables, each overridable by the flag of the same name
 * ({@code HOTLINE_HTTP_PORT} / {@code --http-port}). Immutable.
 *
 * @param kbDir the operator's content directory, or null for the knowledge base in the jar
 * @param dbUrl a JDBC URL (PostgreSQL for several nodes), or null for the embedded database
 * @param adminPassword the first admin's password, or null for a random one written to the log
 * @param handoffAfter unanswered or unhelpful turns in a row before the bot hands off
 * @param deadlinePolicy "bank", "market" (12315-style) or the path of a policy file
 * @param calendarDir a folder of working-day calendars (NNNN.json) overriding the bundled ones, or null
 * @param passwordIterations PBKDF2 iterations for new password hashes
 * @param tts how prompts are spoken on Asterisk: espeak, exec:App(args) or command:...
 * @param agiSpeech where spoken questions come from on Asterisk: none, variable:NAME[:App(args)], recognize:ENGINE:GRAMMAR
 * @param vxmlTransfer where VoiceXML calls are transferred to reach agents (a tel: or sip: URI)
 * @param vxmlSpeechGrammar the URI of the VoiceXML platform's dictation grammar
 * @param allowedOrigins origins whose pages may embed the chat widget and call the API ("*": any)
 * @param arguments what is left of the command line after the flags
 */
public record HotlineConfig(
    String host, int httpPort, int agiPort, Path dataDir, Path kbDir, long cacheSize,
    String dbUrl, String dbUser, String dbPassword, String adminPassword, int handoffAfter,
    String deadlinePolicy, Path calendarDir, int passwordIterations,
    String tts, String agiSpeech, String vxmlTransfer, String vxmlSpeechGrammar, List<String> allowedOrigins,
    List<String> arguments) {

  /** Flags the command line accepts, each standing for {@code HOTLINE_<NAME>}. */
  static final java.util.Set<String> FLAGS =
      java.util.Set.of("host", "http-port", "agi-port", "data-dir", "kb-dir", "cache-size", "db-url", "db-user",
          "db-password", "admin-password", "handoff-after", "deadline-policy", "calendar-dir",
          "password-iterations", "tts", "agi-speech", "vxml-transfer", "vxml-speech-grammar", "allowed-origins");

  /** @throws IllegalArgumentException naming an unknown flag or a bad value */
  public static HotlineConfig from(Map<String, String> env, List<String> args) {
    Map<String, String> values = new java.util.HashMap<>();
    env.forEach((k, v) -> {
      if (k.startsWith("HOTLINE_")) {
        values.put(k, v);
      }
    });
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.startsWith("--") && arg.length() > 2) {
        String name = arg.substring(2);
        String value;
        int eq = name.indexOf('=');
        if (eq >= 0) {
          value = name.substring(eq + 1);
          name = name.substring(0, eq);
        } else if (i + 1 < args.size()) {
          value = args.get(++i);
        } else {
          throw new IllegalArgumentException("flag --" + name + " needs a value");
        }
        if (!FLAGS.contains(name)) {
          throw new IllegalArgumentException("unknown flag --" + name + "; known: --" + String.join(", --",
              new java.util.TreeSet<>(FLAGS)));
        }
        values.put("HOTLINE_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'), value);
      } else {
        rest.add(arg);
      }
    }
    String kbDir = values.get("HOTLINE_KB_DIR");
    return new HotlineConfig(
        values.getOrDefault("HOTLINE_HOST", "0.0.0.0"),
        port(values, "HOTLINE_HTTP_PORT", 8080),
        port(values, "HOTLINE_AGI_PORT", 4573),
        Path.of(values.getOrDefault("HOTLINE_DATA_DIR", "./data")),
        kbDir == null || kbDir.isBlank() ? null : Path.of(kbDir),
        number(values, "HOTLINE_CACHE_SIZE", 10_000),
        blankToNull(values.get("HOTLINE_DB_URL")),
        blankToNull(values.get("HOTLINE_DB_USER")),
        blankToNull(values.get("HOTLINE_DB_PASSWORD")),
        blankToNull(values.get("HOTLINE_ADMIN_PASSWORD")),
        (int) positive(values, "HOTLINE_HANDOFF_AFTER", 2),
        values.getOrDefault("HOTLINE_DEADLINE_POLICY", "bank"),
        blankToNull(values.get("HOTLINE_CALENDAR_DIR")) == null ? null : Path.of(values.get("HOTLINE_CALENDAR_DIR")),
        (int) positive(values, "HOTLINE_PASSWORD_ITERATIONS", 600_000),
        values.getOrDefault("HOTLINE_TTS", "espeak"),
        values.getOrDefault("HOTLINE_AGI_SPEECH", "none"),
        values.getOrDefault("HOTLINE_VXML_TRANSFER", "sip:agents@localhost"),
        values.getOrDefault("HOTLINE_VXML_SPEECH_GRAMMAR", "builtin:grammar/dictation"),
        List.of(values.getOrDefault("HOTLINE_ALLOWED_ORIGINS", "*").split("\\s*,\\s*")),
        List.copyOf(rest));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static long positive(Map<String, String> values, String name, long defaultValue) {
    long value = number(values, name, defaultValue);
    if (value < 1 || value > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(name + " must be a positive number, got " + value);
    }
    return value;
  }

  private static int port(Map<String, String> values, String name, int defaultValue) {
    long port = number(values, name, defaultValue);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(name + " must be a port number, got " + port);
    }
    return (int) port;
  }

  private static long number(Map<String, String> values, String name, long defaultValue) {
    String value = values.get(name);
    if (value == null || value.isBlank()) {
      return defaultValue;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, got '" + value + "'");
    }
  }
}
