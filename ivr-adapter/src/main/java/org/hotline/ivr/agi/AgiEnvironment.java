package org.hotline.ivr.agi;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code agi_*} variables Asterisk sends when a FastAGI call opens, in the order received.
 *
 * <p>Immutable and safe to share between threads; the {@link Builder} is not thread-safe.
 *
 * @param variables variable name (for example {@code agi_channel}) to its value, possibly empty
 */
public record AgiEnvironment(Map<String, String> variables) {

  public AgiEnvironment {
    requireNonNull(variables, "variables");
    variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The value of {@code name}, or null when Asterisk did not send it. */
  public String get(String name) {
    return variables.get(requireNonNull(name, "name"));
  }

  /** {@code agi_request}, the full URL: {@code agi://127.0.0.1:4573/hotline}. */
  public String request() {
    return get("agi_request");
  }

  /** {@code agi_network_script}, the path of the URL: {@code hotline}. */
  public String script() {
    return get("agi_network_script");
  }

  public String channel() {
    return get("agi_channel");
  }

  public String uniqueId() {
    return get("agi_uniqueid");
  }

  /** {@code agi_callerid}, or null when Asterisk reports it as {@code unknown} or empty. */
  public String callerId() {
    String callerId = get("agi_callerid");
    return callerId == null || callerId.isEmpty() || callerId.equals("unknown") ? null : callerId;
  }

  public String language() {
    return get("agi_language");
  }

  /** {@code agi_arg_1}, {@code agi_arg_2}, ... up to the first one missing. */
  public List<String> arguments() {
    List<String> arguments = new ArrayList<>();
    for (int i = 1; variables.containsKey("agi_arg_" + i); i++) {
      arguments.add(variables.get("agi_arg_" + i));
    }
    return List.copyOf(arguments);
  }

  /**
   * Collects the environment block line by line: {@code name: value}, ended by an empty line.
   * Not thread-safe: one builder per connection, used on its event loop.
   */
  public static final class Builder {
    private static final Pattern NAME = Pattern.compile("agi_[A-Za-z0-9_]+");

    private final Map<String, String> variables = new LinkedHashMap<>();
    private boolean complete;

    private Builder() {
    }

    public Builder put(String name, String value) {
      variables.put(requireNonNull(name, "name"), requireNonNull(value, "value"));
      return this;
    }

    /**
     * Takes one line of the block, without its line ending.
     *
     * @return true when this line was the empty line that ends the block
     * @throws IllegalArgumentException when the line is not {@code agi_name: value}
     * @throws IllegalStateException when the block has already ended
     */
    public boolean acceptLine(String line) {
      requireNonNull(line, "line");
      if (complete) {
        throw new IllegalStateException("environment already complete");
      }
      if (line.isEmpty()) {
        complete = true;
        return true;
      }
      int colon = line.indexOf(':');
      String name = colon < 0 ? line : line.substring(0, colon);
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("not an AGI environment line: " + AgiLines.forLog(line));
      }
      // Asterisk writes "name: value"; an empty value may lose the space as well.
      String value = line.substring(colon + 1);
      put(name, value.startsWith(" ") ? value.substring(1) : value);
      return false;
    }

    public boolean isComplete() {
      return complete;
    }

    public AgiEnvironment build() {
      return new AgiEnvironment(variables);
    }
  }
}
