package org.hotline.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server collects the garbage of building its index before it reports ready. */
class StartupCollectionTest {
  @TempDir Path dataDir;

  @Test
  void aFullCollectionRunsBeforeTheServerIsReady() throws Exception {
    long before = fullCollections();
    try (Main.Running server = Main.serve(HotlineConfig.from(Map.of(), List.of("--http-port", "0",
        "--agi-port", "0", "--host", "127.0.0.1", "--data-dir", dataDir.toString(),
        "--admin-password", "admin-secret-1", "--password-iterations", "1000")))) {
      assertTrue(server.knowledgeBase().ready(), "serve returns once the knowledge base is loaded");
      assertTrue(fullCollections() > before, "full collections: " + before + " before start, "
          + fullCollections() + " after");
    }
  }

  /** Collections of the whole heap, by the names of the collectors' full-collection beans. */
  private static long fullCollections() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .filter(gc -> List.of("G1 Old Generation", "PS MarkSweep", "MarkSweepCompact").contains(gc.getName()))
        .mapToLong(GarbageCollectorMXBean::getCollectionCount)
        .sum();
  }
}
