package org.hotline.ivr.flow;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Where a call is in the flow: which menu, which entries it offers, the last answer, and the counts
 * of failed turns and re-prompts. Immutable; encodes to a compact string so VoiceXML documents can
 * carry it from request to request.
 *
 * @param items the entry ids the current menu offers, in key order (key 1 is the first)
 * @param failures questions in a row the knowledge base could not answer
 * @param reprompts silences or invalid keys in a row at the current menu
 */
public record CallState(String callId, Menu menu, int group, List<String> items, String faqId, int failures,
    int reprompts) {

  /** The menus of the flow. */
  public enum Menu { MAIN, SUB, SUGGEST, AFTER_ANSWER, OFFER_AGENT }

  public CallState {
    items = List.copyOf(items);
  }

  static CallState begin(String callId) {
    return new CallState(callId, Menu.MAIN, 0, List.of(), null, 0, 0);
  }

  CallState at(Menu newMenu, int newGroup, List<String> newItems) {
    return new CallState(callId, newMenu, newGroup, newItems, faqId, failures, 0);
  }

  CallState answered(String newFaqId) {
    return new CallState(callId, Menu.AFTER_ANSWER, group, List.of(), newFaqId, 0, 0);
  }

  CallState failed() {
    return new CallState(callId, menu, group, items, faqId, failures + 1, 0);
  }

  CallState reprompted() {
    return new CallState(callId, menu, group, items, faqId, failures, reprompts + 1);
  }

  /** The state as one URL-safe token: fields joined by '|' then base64url. */
  public String encode() {
    String joined = String.join("|", callId, menu.name(), Integer.toString(group), String.join(",", items),
        faqId == null ? "" : faqId, Integer.toString(failures), Integer.toString(reprompts));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
  }

  /** @throws IllegalArgumentException when the token is not one {@link #encode} made */
  public static CallState decode(String token) {
    try {
      String[] f = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", -1);
      if (f.length != 7 || f[0].isEmpty()) {
        throw new IllegalArgumentException("malformed call state");
      }
      return new CallState(f[0], Menu.valueOf(f[1]), Integer.parseInt(f[2]),
          f[3].isEmpty() ? List.of() : List.of(f[3].split(",")), f[4].isEmpty() ? null : f[4],
          Integer.parseInt(f[5]), Integer.parseInt(f[6]));
    } catch (IllegalArgumentException e) { // includes NumberFormatException and bad base64
      throw new IllegalArgumentException("malformed call state: " + e.getMessage());
    }
  }
}
