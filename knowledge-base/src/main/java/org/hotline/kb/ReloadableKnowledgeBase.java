package org.hotline.kb;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.hotline.kb.content.ContentException;
import org.hotline.kb.content.ContentLoader;
import org.hotline.kb.content.ContentSource;
import org.hotline.kb.ranking.ConfidenceModel;

/**
 * The knowledge base currently serving, swapped atomically on reload. A reload that fails
 * validation leaves the previous version serving; requests already holding the old version finish
 * on it. Thread-safe; reloads are serialised.
 */
public final class ReloadableKnowledgeBase {
  private final ContentSource source;
  private final ConfidenceModel model;
  private final ContentLoader loader = new ContentLoader();
  private final AtomicReference<KnowledgeBase> current = new AtomicReference<>();
  private final List<Consumer<KnowledgeBase>> listeners = new CopyOnWriteArrayList<>();

  /** Loads the content now; throws {@link ContentException} when it is invalid. */
  public ReloadableKnowledgeBase(ContentSource source, ConfidenceModel model) {
    this.source = requireNonNull(source, "source");
    this.model = requireNonNull(model, "model");
    current.set(KnowledgeBase.build(loader.load(source), model));
  }

  public KnowledgeBase current() {
    return current.get();
  }

  public ContentSource source() {
    return source;
  }

  /** Called with the new version after every successful reload. */
  public void onReload(Consumer<KnowledgeBase> listener) {
    listeners.add(requireNonNull(listener, "listener"));
  }

  /**
   * Loads and indexes the content again and swaps it in.
   *
   * @throws ContentException when the content is invalid; the old version keeps serving
   */
  public synchronized KnowledgeBase reload() {
    KnowledgeBase next = KnowledgeBase.build(loader.load(source), model);
    current.set(next);
    listeners.forEach(l -> l.accept(next));
    return next;
  }
}
