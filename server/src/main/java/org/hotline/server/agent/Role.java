package org.hotline.server.agent;

import java.util.Locale;

/** What an account may do; each role includes the ones before it. */
public enum Role {
  AGENT, SUPERVISOR, ADMIN;

  public boolean atLeast(Role other) {
    return ordinal() >= other.ordinal();
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @throws IllegalArgumentException for an unknown role name */
  public static Role of(String id) {
    for (Role role : values()) {
      if (role.id().equals(id)) {
        return role;
      }
    }
    throw new IllegalArgumentException("unknown role '" + id + "'; use agent, supervisor or admin");
  }
}
