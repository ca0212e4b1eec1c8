package org.hotline.ivr.vxml;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.hotline.ivr.flow.Step;

/**
 * Renders the call flow's {@link Step}s as VoiceXML 2.1 documents for a VoiceXML browser. A collect
 * step becomes a form whose field takes one key (or, where the flow allows, speech) and submits
 * {@code state}, {@code input} and {@code inputmode} to {@code basePath/next}; silence and
 * unrecognised input are submitted too, so the flow decides every re-prompt. The call's state
 * travels in the document, so any server node can take the next request. Immutable and thread-safe.
 */
public final class VxmlDocuments {
  static final String NAMESPACE = "http://www.w3.org/2001/vxml";
  static final String GOODBYE = "感谢您的来电，再见。";
  static final String TRANSFER_FAILED = "抱歉，暂时无法为您接通人工客服。您的问题已经记录在工单中，我们会尽快处理。";
  static final String SORRY = "抱歉，系统暂时无法处理您的来电，请稍后再拨。";

  private final VxmlSettings settings;

  public VxmlDocuments(VxmlSettings settings) {
    this.settings = requireNonNull(settings, "settings");
  }

  /** The document that speaks the step and then collects input, transfers or hangs up. */
  public String render(Step step) {
    requireNonNull(step, "step");
    if (step instanceof Step.Collect collect) {
      return collect(collect);
    }
    if (step instanceof Step.Transfer transfer) {
      return transfer(transfer);
    }
    if (step instanceof Step.Hangup hangup) {
      return hangup(hangup);
    }
    throw new IllegalArgumentException("unknown step " + step.getClass().getName());
  }

  /**
   * A document for a request that cannot be served: it apologises and hangs up. {@code message} is
   * for the platform's log only, never spoken.
   */
  public String error(String message) {
    XmlWriter xml = document().start("form", "id", "error").start("block");
    xml.text("log", message == null ? "" : message, "label", "hotline-error");
    xml.text("prompt", SORRY);
    xml.empty("disconnect");
    return xml.end().end().end().finish();
  }

  private String collect(Step.Collect step) {
    XmlWriter xml = document();
    xml.empty("property", "name", "timeout", "value", settings.timeoutSeconds() + "s");
    // '#' is a menu key (back to the main menu), not the end of DTMF input.
    xml.empty("property", "name", "termchar", "value", "");
    xml.start("form", "id", "step");
    xml.empty("var", "name", "state", "expr", literal(step.state().encode()));
    xml.empty("var", "name", "inputmode", "expr", "''");
    xml.start("field", "name", "input");
    prompts(xml, step.prompts(), true);
    dtmfGrammar(xml, step.keys());
    if (step.speech()) {
      xml.empty("grammar", "mode", "voice", "src", settings.speechGrammar());
    }
    xml.start("filled");
    xml.empty("assign", "name", "inputmode", "expr", "application.lastresult$.inputmode");
    submit(xml);
    xml.end();
    for (String event : List.of("noinput", "nomatch")) {
      xml.start(event);
      xml.empty("assign", "name", "input", "expr", "''");
      xml.empty("assign", "name", "inputmode", "expr", literal(event));
      submit(xml);
      xml.end();
    }
    return xml.end().end().end().finish();
  }

  private String transfer(Step.Transfer step) {
    XmlWriter xml = document().start("form", "id", "transfer");
    xml.start("block");
    // The caller must hear the ticket number out.
    prompts(xml, step.prompts(), false);
    xml.end();
    xml.empty("transfer", "name", "agent", "dest", settings.transferDestination(), "bridge", "true",
        "aai", step.handoff().ticketNumber());
    xml.start("block").text("prompt", GOODBYE).empty("exit").end();
    xml.start("catch", "event", "error.connection").text("prompt", TRANSFER_FAILED).empty("exit").end();
    return xml.end().end().finish();
  }

  private String hangup(Step.Hangup step) {
    XmlWriter xml = document().start("form", "id", "hangup").start("block");
    prompts(xml, step.prompts(), false);
    xml.empty("disconnect");
    return xml.end().end().end().finish();
  }

  private static XmlWriter document() {
    return new XmlWriter().start("vxml", "version", "2.1", "xmlns", NAMESPACE, "xml:lang", "zh-CN");
  }

  private static void prompts(XmlWriter xml, List<String> sentences, boolean bargein) {
    for (String sentence : sentences) {
      if (bargein) {
        xml.text("prompt", sentence);
      } else {
        xml.text("prompt", sentence, "bargein", "false");
      }
    }
  }

  /**
   * An SRGS DTMF grammar of single keys. It stays in the VoiceXML namespace: the VoiceXML 2.1 schema
   * adapts SRGS into it and rejects a grammar in the SRGS namespace inside a field.
   */
  private static void dtmfGrammar(XmlWriter xml, String keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("a collect step needs at least one key");
    }
    xml.start("grammar", "mode", "dtmf", "version", "1.0", "root", "keys");
    xml.start("rule", "id", "keys", "scope", "public").start("one-of");
    for (char key : keys.toCharArray()) {
      if ("0123456789*#".indexOf(key) < 0) {
        throw new IllegalArgumentException("not a telephone key: " + key);
      }
      xml.text("item", Character.toString(key));
    }
    xml.end().end().end();
  }

  private void submit(XmlWriter xml) {
    xml.empty("submit", "next", settings.basePath() + "/next", "method", "get", "namelist", "state input inputmode");
  }

  /** An ECMAScript string literal; the XML writer escapes it again for the attribute. */
  static String literal(String value) {
    StringBuilder out = new StringBuilder("'");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\'' -> out.append("\\'");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
        default -> out.append(c);
      }
    }
    return out.append('\'').toString();
  }
}
