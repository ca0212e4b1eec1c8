package org.hotline.kb.content;

import static java.util.Objects.requireNonNull;

/** A knowledge-base category, such as {@code credit-card} / 信用卡. Immutable. */
public record Category(String id, String name) {
  public Category {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
  }
}
