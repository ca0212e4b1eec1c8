package org.hotline.server.kb;

import static java.util.Objects.requireNonNull;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.hotline.kb.KnowledgeBase;
import org.hotline.kb.ReloadableKnowledgeBase;
import org.hotline.server.http.ApiException;

/**
 * The server's handle on the knowledge base: empty until the first load finishes (the server is
 * then not ready), afterwards the current version, reloadable. Thread-safe.
 */
public final class KnowledgeBaseService {
  private volatile ReloadableKnowledgeBase loaded;
  private final List<Consumer<KnowledgeBase>> reloadListeners = new CopyOnWriteArrayList<>();

  /** Marks the knowledge base loaded; the server becomes ready. */
  public void loaded(ReloadableKnowledgeBase kb) {
    requireNonNull(kb, "kb");
    reloadListeners.forEach(kb::onReload);
    this.loaded = kb;
  }

  public boolean ready() {
    return loaded != null;
  }

  /** The current version; 503 while the first load is still running. */
  public KnowledgeBase current() {
    return loadedOr503().current();
  }

  /** Reloads from the content source; throws ContentException and keeps the old version on a bad edit. */
  public KnowledgeBase reload() {
    return loadedOr503().reload();
  }

  private ReloadableKnowledgeBase loadedOr503() {
    ReloadableKnowledgeBase kb = loaded;
    if (kb == null) {
      throw new ApiException(HttpResponseStatus.SERVICE_UNAVAILABLE, "not_ready",
          "the knowledge base is still loading");
    }
    return kb;
  }

  /** Registers a listener called after each successful reload; call before {@link #loaded}. */
  public void onReload(Consumer<KnowledgeBase> listener) {
    reloadListeners.add(requireNonNull(listener, "listener"));
  }
}
