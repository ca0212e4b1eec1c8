package org.hotline.ivr;

/**
 * What the voice call flow needs from the hotline: calls that can ask the knowledge base, read
 * entries, and hand the caller to agents with a ticket. The server implements it. Implementations
 * are thread-safe; their methods block (database, index), so protocol code calls them off the
 * event loop.
 */
public interface VoiceBackend {
  /** Starts a call from a caller's number (null when withheld); the number is masked before it is kept. */
  VoiceCall startCall(String callerNumber);

  /** A call started earlier, by its id (VoiceXML platforms come back with it on every request). */
  VoiceCall resume(String callId);
}
