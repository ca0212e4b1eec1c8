package org.hotline.server;

import java.nio.file.Path;
import org.hotline.server.store.TestDatabases;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded H2 database (the default). */
class EmbeddedStoreTest extends ConversationStoreContract {
  @TempDir
  Path dir;

  @Override
  protected Services open() {
    return new Services(TestDatabases.h2(dir), dir, "bank");
  }
}
