package org.hotline.ivr.agi;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One reply of Asterisk to one AGI command, as parsed by {@link AgiReplyParser}.
 *
 * <p>Immutable and safe to share between threads.
 *
 * @param code 200 (done), 510 (unknown command), 511 (not permitted on a dead channel), 520 (usage)
 * @param result for 200 the raw text after {@code result=}, possibly empty ({@code GET DATA} timeout);
 *     null for other codes
 * @param data the text inside the parentheses after the result ({@code timeout}, a variable's
 *     value, {@code speech}), or null when there are none
 * @param attributes {@code key=value} pairs after the result ({@code endpos}, {@code results},
 *     {@code score0}, {@code text0} unquoted, {@code grammar0}), in the order received
 * @param message for codes other than 200 the text after the code; for a multi-line 520 all its
 *     lines without the {@code 520-}/{@code 520 } prefixes, joined with {@code \n}; null for 200
 */
public record AgiReply(int code, String result, String data, Map<String, String> attributes, String message) {

  public AgiReply {
    requireNonNull(attributes, "attributes");
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  /** True for code 200: Asterisk ran the command (its result may still report a failure). */
  public boolean success() {
    return code == 200;
  }

  /** The result as a number, or {@link Integer#MIN_VALUE} when it is missing or not a number. */
  public int resultAsInt() {
    if (result == null) {
      return Integer.MIN_VALUE;
    }
    try {
      return Integer.parseInt(result);
    } catch (NumberFormatException e) {
      return Integer.MIN_VALUE;
    }
  }

  /** True when the caller is gone: 511, or 200 with result -1. */
  public boolean channelGone() {
    return code == 511 || (code == 200 && "-1".equals(result));
  }

  /**
   * The digits typed, for {@code GET DATA}: the result text, empty on a timeout with nothing
   * typed and when the result is -1 (hung up or failed, see {@link #channelGone()}).
   */
  public String digitsTyped() {
    if (!success() || result == null || result.equals("-1")) {
      return "";
    }
    return result;
  }

  /**
   * The key pressed, for {@code STREAM FILE} and {@code WAIT FOR DIGIT}, whose result is the
   * key's ASCII code (49 is '1'); null when none was pressed (0) or on failure (-1).
   */
  public Character digitPressed() {
    int code = success() ? resultAsInt() : Integer.MIN_VALUE;
    return code > 0 && code <= Character.MAX_VALUE ? Character.valueOf((char) code) : null;
  }

  /** The value of attribute {@code name}, or null. */
  public String attribute(String name) {
    return attributes.get(requireNonNull(name, "name"));
  }
}
