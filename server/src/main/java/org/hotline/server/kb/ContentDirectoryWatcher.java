package org.hotline.server.kb;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import org.hotline.kb.content.ContentException;

/**
 * Reloads the knowledge base when a file in the operator's content directory changes. Bursts of
 * changes (an editor saving, a copy of several files) are settled for a moment and reload once.
 * Runs on its own daemon thread; a bad edit is logged and the old version keeps serving.
 */
public final class ContentDirectoryWatcher implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ContentDirectoryWatcher.class.getName());
  private static final long SETTLE_MILLIS = 500;

  private final WatchService watcher;
  private final Thread thread;

  public ContentDirectoryWatcher(Path dir, KnowledgeBaseService knowledgeBase) throws IOException {
    requireNonNull(knowledgeBase, "knowledgeBase");
    this.watcher = FileSystems.getDefault().newWatchService();
    dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
        StandardWatchEventKinds.ENTRY_DELETE);
    this.thread = new Thread(() -> run(knowledgeBase), "kb-watcher");
    thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  private void run(KnowledgeBaseService knowledgeBase) {
    try {
      while (true) {
        WatchKey key = watcher.take();
        key.pollEvents();
        key.reset();
        // Settle: swallow the rest of the burst before reloading once.
        WatchKey more;
        while ((more = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
          more.pollEvents();
          more.reset();
        }
        try {
          int n = knowledgeBase.reload().content().size();
          LOG.log(System.Logger.Level.INFO, "content changed; knowledge base reloaded: " + n + " entries");
        } catch (ContentException e) {
          LOG.log(System.Logger.Level.WARNING,
              "content changed but is invalid; the previous knowledge base keeps serving: " + e.getMessage());
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.ERROR, "reload failed", e);
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closed: stop watching
    }
  }

  @Override
  public void close() throws IOException {
    watcher.close();
    thread.interrupt();
  }
}
