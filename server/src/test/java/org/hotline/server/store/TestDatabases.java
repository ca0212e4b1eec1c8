package org.hotline.server.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Databases for tests: embedded H2 in a temporary folder, or a fresh schema on the PostgreSQL that
 * runs on this machine and in CI ({@code HOTLINE_TEST_PG_URL} overrides where it is).
 */
public final class TestDatabases {
  /** The PostgreSQL server tests use; trust authentication on loopback. */
  public static final String PG_BASE = System.getenv().getOrDefault(
      "HOTLINE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  private TestDatabases() {}

  public static Database h2(Path dir) {
    return Database.embedded(dir);
  }

  /** Creates an empty schema and returns a JDBC URL whose connections use it. */
  public static String freshPostgresSchema() {
    String schema = "hotline_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(PG_BASE); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL is needed for this test at " + PG_BASE
          + " (start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start): "
          + e.getMessage(), e);
    }
    return PG_BASE + "&currentSchema=" + schema;
  }

  /** Drops the schema a URL from {@link #freshPostgresSchema} uses. */
  public static void dropPostgresSchema(String url) {
    String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
    try (Connection c = DriverManager.getConnection(PG_BASE); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      // leave it; the name is unique
    }
  }
}
