package org.hotline.server.store;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;

/**
 * The ticket and conversation database: embedded H2 in a file under the data directory by default,
 * or PostgreSQL when a JDBC URL names one. Migrations under {@code db/migration} run at open. Work
 * runs in short transactions through {@link #inTransaction}. Thread-safe; blocking (never call it on
 * an event loop).
 */
public final class Database implements AutoCloseable {
  /** Which database is behind the pool; PostgreSQL also carries notifications between nodes. */
  public enum Kind { H2, POSTGRESQL }

  /** Work done inside one transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Sql sql) throws SQLException;
  }

  private final HikariDataSource pool;
  private final Kind kind;
  private final String url;

  private Database(HikariDataSource pool, Kind kind, String url) {
    this.pool = pool;
    this.kind = kind;
    this.url = url;
  }

  /** The embedded database in {@code dataDir/hotline.mv.db}, written through on every commit. */
  public static Database embedded(Path dataDir) {
    String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("hotline")
        // PostgreSQL mode so the same SQL runs on both; WRITE_DELAY=0 writes each commit to the
        // file before the commit returns, so an acknowledged row survives kill -9.
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
    return open(url, null, null);
  }

  /**
   * Opens the database a JDBC URL names ({@code jdbc:postgresql://...} or {@code jdbc:h2:...}) and
   * migrates it to the current schema.
   */
  public static Database open(String url, String user, String password) {
    requireNonNull(url, "url");
    Kind kind = url.startsWith("jdbc:postgresql:") ? Kind.POSTGRESQL : Kind.H2;
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    if (user != null) {
      config.setUsername(user);
    }
    if (password != null) {
      config.setPassword(password);
    }
    config.setPoolName("hotline-db");
    config.setMaximumPoolSize(8);
    config.setAutoCommit(false);
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    HikariDataSource pool = new HikariDataSource(config);
    try {
      Flyway.configure()
          .dataSource(pool)
          .locations("classpath:db/migration")
          .load()
          .migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return new Database(pool, kind, url);
  }

  public Kind kind() {
    return kind;
  }

  /** The JDBC URL, for the notification listener's own connection. */
  public String url() {
    return url;
  }

  /** A connection outside the pool's transactions, for listeners that hold one open. */
  public Connection dedicatedConnection() throws SQLException {
    return java.sql.DriverManager.getConnection(url, pool.getUsername(), pool.getPassword());
  }

  /**
   * Runs work in one transaction: committed when it returns, rolled back when it throws. Actions
   * registered with {@link Sql#afterCommit} run after the commit succeeded.
   */
  public <T> T inTransaction(Work<T> work) {
    List<Runnable> afterCommit = new ArrayList<>();
    try (Connection connection = pool.getConnection()) {
      try {
        T result = work.run(new Sql(connection, afterCommit));
        connection.commit();
        afterCommit.forEach(Runnable::run);
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}
