package org.hotline.ivr.agi;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses Asterisk's replies to AGI commands, one line at a time: {@code 200 result=1 (value)},
 * {@code 200 result=49 endpos=13760}, {@code 510 Invalid or unknown command}, and the multi-line
 * {@code 520-...} usage that ends with a line starting {@code 520 }.
 *
 * <p>Not thread-safe: one parser per connection, used on its event loop. The static
 * {@link #parse(String...)} is safe from any thread.
 */
public final class AgiReplyParser {
  private static final Pattern STATUS = Pattern.compile("(\\d{3})(?:([ -])(.*))?");
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_]+");
  private static final Pattern AFTER_CLOSING_QUOTE = Pattern.compile("\\s*$|\\s+[A-Za-z0-9_]+=");

  private final int maxLines;
  private final List<String> pendingLines = new ArrayList<>();
  private int pendingCode = -1;

  /** A parser whose multi-line replies may have any number of lines. */
  public AgiReplyParser() {
    this(Integer.MAX_VALUE);
  }

  /** A parser that rejects a multi-line reply longer than {@code maxLines} lines. */
  public AgiReplyParser(int maxLines) {
    if (maxLines < 1) {
      throw new IllegalArgumentException("maxLines must be positive: " + maxLines);
    }
    this.maxLines = maxLines;
  }

  /** Parses one complete reply; the lines must hold exactly one. */
  public static AgiReply parse(String... lines) {
    AgiReplyParser parser = new AgiReplyParser();
    AgiReply reply = null;
    for (String line : lines) {
      if (reply != null) {
        throw new IllegalArgumentException("lines after the end of the reply: " + AgiLines.forLog(line));
      }
      reply = parser.accept(line);
    }
    if (reply == null) {
      throw new IllegalArgumentException("incomplete reply");
    }
    return reply;
  }

  /**
   * Takes one line, without its line ending.
   *
   * @return the reply once its last line has arrived, null while a multi-line reply goes on
   * @throws IllegalArgumentException when the line is not part of a well-formed reply
   */
  public AgiReply accept(String line) {
    requireNonNull(line, "line");
    if (pendingCode >= 0) {
      return continueMultiLine(line);
    }
    Matcher status = STATUS.matcher(line);
    if (!status.matches()) {
      throw new IllegalArgumentException("not an AGI reply: " + AgiLines.forLog(line));
    }
    int code = Integer.parseInt(status.group(1));
    String rest = status.group(3) == null ? "" : status.group(3);
    if ("-".equals(status.group(2))) {
      pendingCode = code;
      pendingLines.add(rest);
      return null;
    }
    if (code == 200) {
      return parseSuccess(line, rest);
    }
    return new AgiReply(code, null, null, Map.of(), rest);
  }

  /** True while a multi-line reply has begun and not yet ended. */
  public boolean inProgress() {
    return pendingCode >= 0;
  }

  /** Forgets a multi-line reply in progress. */
  public void reset() {
    pendingCode = -1;
    pendingLines.clear();
  }

  private AgiReply continueMultiLine(String line) {
    String end = pendingCode + " ";
    if (line.startsWith(end) || line.equals(String.valueOf(pendingCode))) {
      pendingLines.add(line.length() > end.length() ? line.substring(end.length()) : "");
      AgiReply reply = new AgiReply(pendingCode, null, null, Map.of(), String.join("\n", pendingLines));
      reset();
      return reply;
    }
    if (pendingLines.size() >= maxLines) {
      reset();
      throw new IllegalArgumentException("multi-line reply longer than " + maxLines + " lines");
    }
    pendingLines.add(line);
    return null;
  }

  private static AgiReply parseSuccess(String line, String rest) {
    if (!rest.startsWith("result=")) {
      throw new IllegalArgumentException("200 without result=: " + AgiLines.forLog(line));
    }
    String afterResult = rest.substring("result=".length());
    int space = afterResult.indexOf(' ');
    String result = space < 0 ? afterResult : afterResult.substring(0, space);
    String tail = space < 0 ? "" : afterResult.substring(space + 1).strip();
    String data = null;
    if (tail.startsWith("(")) {
      // A variable's value may hold anything, so a line ending in ')' is all data; otherwise
      // the data is one word (timeout, speech, dtmf) and key=value pairs follow.
      int close = tail.endsWith(")") ? tail.length() - 1 : tail.indexOf(')');
      if (close < 0) {
        throw new IllegalArgumentException("unclosed parenthesis: " + AgiLines.forLog(line));
      }
      data = tail.substring(1, close);
      tail = tail.substring(close + 1);
    }
    return new AgiReply(200, result, data, parseAttributes(line, tail), null);
  }

  private static Map<String, String> parseAttributes(String line, String text) {
    Map<String, String> attributes = new LinkedHashMap<>();
    int i = 0;
    while (true) {
      while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i == text.length()) {
        return attributes;
      }
      int equals = text.indexOf('=', i);
      if (equals < 0 || !KEY.matcher(text.substring(i, equals)).matches()) {
        throw new IllegalArgumentException("not key=value at " + i + ": " + AgiLines.forLog(line));
      }
      String key = text.substring(i, equals);
      StringBuilder value = new StringBuilder();
      i = equals + 1;
      if (i < text.length() && text.charAt(i) == '"') {
        i = readQuoted(text, i + 1, value, line);
      } else {
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
          value.append(text.charAt(i++));
        }
      }
      attributes.put(key, value.toString());
    }
  }

  /** Asterisk does not escape recognised text: a quote closes only before the end or the next key. */
  private static boolean closes(String text, int after) {
    return AFTER_CLOSING_QUOTE.matcher(text).region(after, text.length()).lookingAt();
  }

  /** Reads up to the closing quote; returns the index after it. */
  private static int readQuoted(String text, int i, StringBuilder value, String line) {
    while (i < text.length()) {
      char c = text.charAt(i);
      boolean escapes = c == '\\' && i + 1 < text.length()
          && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\\');
      if (escapes) {
        value.append(text.charAt(i + 1));
        i += 2;
      } else if (c == '"' && closes(text, i + 1)) {
        return i + 1;
      } else {
        value.append(c);
        i++;
      }
    }
    throw new IllegalArgumentException("unclosed quote: " + AgiLines.forLog(line));
  }
}
