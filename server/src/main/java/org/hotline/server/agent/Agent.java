package org.hotline.server.agent;

/** A human agent's account as the API shows it (never the password hash). */
public record Agent(String id, String username, String displayName, Role role) {
  /** The JSON view. */
  public java.util.Map<String, Object> view() {
    return java.util.Map.of("id", id, "username", username, "displayName", displayName, "role", role.id());
  }
}
