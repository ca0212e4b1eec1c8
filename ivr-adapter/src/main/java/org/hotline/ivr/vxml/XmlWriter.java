package org.hotline.ivr.vxml;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes one indented XML document. Every text and attribute value goes through {@link #escape}, so
 * callers never concatenate markup. One instance per document; not thread-safe.
 */
final class XmlWriter {
  private final StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  private final Deque<String> open = new ArrayDeque<>();

  /** Opens an element; {@code attributes} are name, value pairs. */
  XmlWriter start(String name, String... attributes) {
    tag(name, attributes);
    out.append(">\n");
    open.push(name);
    return this;
  }

  /** An element without content. */
  XmlWriter empty(String name, String... attributes) {
    tag(name, attributes);
    out.append("/>\n");
    return this;
  }

  /** An element holding only text. */
  XmlWriter text(String name, String text, String... attributes) {
    tag(name, attributes);
    out.append('>');
    escape(text, false);
    out.append("</").append(name).append(">\n");
    return this;
  }

  /** Closes the innermost open element. */
  XmlWriter end() {
    String name = open.pop();
    indent();
    out.append("</").append(name).append(">\n");
    return this;
  }

  String finish() {
    if (!open.isEmpty()) {
      throw new IllegalStateException("element left open: " + open.peek());
    }
    return out.toString();
  }

  private void tag(String name, String[] attributes) {
    if (attributes.length % 2 != 0) {
      throw new IllegalArgumentException("attributes come in name, value pairs");
    }
    indent();
    out.append('<').append(name);
    for (int i = 0; i < attributes.length; i += 2) {
      out.append(' ').append(attributes[i]).append("=\"");
      escape(attributes[i + 1], true);
      out.append('"');
    }
  }

  private void indent() {
    out.append("  ".repeat(open.size()));
  }

  /**
   * Escapes markup and double quotes (attributes are double-quoted, so apostrophes stay as they are);
   * characters XML 1.0 forbids (controls, lone surrogates) are dropped.
   */
  private void escape(String text, boolean attribute) {
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        // A parser would turn raw line breaks in attributes into spaces.
        case '\t', '\n', '\r' -> out.append(attribute ? "&#" + c + ";" : Character.toString(c));
        default -> {
          if (c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000) {
            out.appendCodePoint(c);
          }
        }
      }
    }
  }
}
