package org.hotline.ivr;

import java.util.List;

/** One telephone call's link to the hotline. Each method records what it did in the call's transcript. */
public interface VoiceCall {
  /** The call's id (the conversation behind it). */
  String id();

  /** A question the caller said: the entry's voice answer, or up to three suggestions, or nothing. */
  SpokenAnswer ask(String question);

  /** The voice answer of an entry the caller picked from a menu. */
  SpokenAnswer entry(String faqId);

  /** The most asked entries of some categories, for a numbered sub-menu. */
  List<MenuItem> topEntries(List<String> categories, int limit);

  /** Menu items for entries by id, in the same order (unknown ids are left out). */
  List<MenuItem> items(List<String> faqIds);

  /** Hands the caller to agents: opens a ticket with what was asked so far. */
  Handoff handoff(HandoffReason reason);

  /** Notes a menu choice in the transcript (for the agent who takes over). */
  void note(String text);

  /** The caller hung up or the flow ended without a hand-off. */
  void ended();

  /** A numbered menu item: an entry and the short label read out for it. */
  record MenuItem(String faqId, String label) {}

  /**
   * What the knowledge base says, in the words to speak.
   *
   * @param voiceText the entry's voice answer (null when not answered)
   * @param urgent the answer is about a card lost or stolen or a fraud under way: an agent follows at once
   */
  record SpokenAnswer(boolean answered, String faqId, String voiceText, boolean urgent, List<MenuItem> suggestions) {
    public SpokenAnswer {
      suggestions = List.copyOf(suggestions);
    }
  }

  /** A ticket opened for the caller and the queue the dialplan should put them in. */
  record Handoff(String ticketNumber, String queue, boolean urgent) {}

  /** Why a call goes to agents. */
  enum HandoffReason {
    /** Key 0 or a spoken request for a person. */
    ASKED_FOR_PERSON,
    /** Key 4: a lost card or a fraud to report, straight to the priority queue. */
    LOST_CARD_OR_FRAUD,
    /** The answer itself calls for an agent at once (lost or stolen card, fraud under way). */
    URGENT_ANSWER,
    /** Silence or invalid keys after the re-prompts ran out. */
    NO_INPUT,
    /** Questions the knowledge base could not answer. */
    UNANSWERED
  }
}
