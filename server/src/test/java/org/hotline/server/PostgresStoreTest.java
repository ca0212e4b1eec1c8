package org.hotline.server;

import java.nio.file.Path;
import org.hotline.server.store.Database;
import org.hotline.server.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on PostgreSQL (running on this machine and in CI), in a fresh schema. */
class PostgresStoreTest extends ConversationStoreContract {
  @TempDir
  Path dir;
  private String url;

  @Override
  protected Services open() {
    url = TestDatabases.freshPostgresSchema();
    return new Services(Database.open(url, null, null), dir, "bank");
  }

  @AfterEach
  void dropSchema() {
    TestDatabases.dropPostgresSchema(url);
  }
}
