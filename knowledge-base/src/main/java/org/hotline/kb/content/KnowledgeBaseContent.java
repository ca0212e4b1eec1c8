package org.hotline.kb.content;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validated knowledge-base content: categories, entries, synonym groups and fraud triggers.
 * Immutable and thread-safe.
 */
public final class KnowledgeBaseContent {
  private final List<Category> categories;
  private final Map<String, FaqEntry> entriesById;
  private final List<List<String>> synonymGroups;
  private final List<FraudTrigger> fraudTriggers;

  public KnowledgeBaseContent(
      List<Category> categories,
      List<FaqEntry> entries,
      List<List<String>> synonymGroups,
      List<FraudTrigger> fraudTriggers) {
    this.categories = List.copyOf(categories);
    Map<String, FaqEntry> byId = new LinkedHashMap<>();
    for (FaqEntry e : entries) {
      byId.put(e.id(), e);
    }
    this.entriesById = java.util.Collections.unmodifiableMap(byId);
    this.synonymGroups = synonymGroups.stream().map(List::copyOf).toList();
    this.fraudTriggers = List.copyOf(fraudTriggers);
  }

  public List<Category> categories() {
    return categories;
  }

  public List<FaqEntry> entries() {
    return List.copyOf(entriesById.values());
  }

  public Optional<FaqEntry> entry(String id) {
    return Optional.ofNullable(entriesById.get(id));
  }

  public Optional<Category> category(String id) {
    return categories.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /** Synonym groups; the first word of each group is its canonical form. */
  public List<List<String>> synonymGroups() {
    return synonymGroups;
  }

  public List<FraudTrigger> fraudTriggers() {
    return fraudTriggers;
  }

  public int size() {
    return entriesById.size();
  }
}
