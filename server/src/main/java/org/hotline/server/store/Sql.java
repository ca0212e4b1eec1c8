package org.hotline.server.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One transaction's connection with small helpers for parameterised statements. Valid only inside
 * {@link Database#inTransaction}; not thread-safe.
 */
public final class Sql {
  /** Maps the current row of a result set. */
  @FunctionalInterface
  public interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private final Connection connection;
  private final List<Runnable> afterCommit;

  Sql(Connection connection, List<Runnable> afterCommit) {
    this.connection = connection;
    this.afterCommit = afterCommit;
  }

  /** Runs an INSERT, UPDATE or DELETE; returns the number of rows it touched. */
  public int update(String sql, Object... args) throws SQLException {
    try (PreparedStatement statement = prepare(sql, args)) {
      return statement.executeUpdate();
    }
  }

  public <T> List<T> list(String sql, Row<T> row, Object... args) throws SQLException {
    try (PreparedStatement statement = prepare(sql, args); ResultSet rs = statement.executeQuery()) {
      List<T> out = new ArrayList<>();
      while (rs.next()) {
        out.add(row.map(rs));
      }
      return out;
    }
  }

  public <T> Optional<T> one(String sql, Row<T> row, Object... args) throws SQLException {
    List<T> rows = list(sql, row, args);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  public long count(String sql, Object... args) throws SQLException {
    return one(sql, rs -> rs.getLong(1), args).orElse(0L);
  }

  /** The next value of a sequence (same spelling on H2 in PostgreSQL mode and on PostgreSQL). */
  public long nextValue(String sequence) throws SQLException {
    return count("SELECT nextval('" + sequence + "')");
  }

  /** Runs an action once this transaction has committed (never if it rolls back). */
  public void afterCommit(Runnable action) {
    afterCommit.add(action);
  }

  public Connection connection() {
    return connection;
  }

  private PreparedStatement prepare(String sql, Object[] args) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      Object arg = args[i];
      if (arg == null) {
        statement.setNull(i + 1, Types.NULL);
      } else if (arg instanceof String s) {
        statement.setString(i + 1, s);
      } else if (arg instanceof Integer n) {
        statement.setInt(i + 1, n);
      } else if (arg instanceof Long n) {
        statement.setLong(i + 1, n);
      } else if (arg instanceof Boolean b) {
        statement.setBoolean(i + 1, b);
      } else if (arg instanceof Double d) {
        statement.setDouble(i + 1, d);
      } else if (arg instanceof BigDecimal d) {
        statement.setBigDecimal(i + 1, d);
      } else {
        throw new IllegalArgumentException("unsupported parameter type " + arg.getClass());
      }
    }
    return statement;
  }

  /** Reads a nullable BIGINT column. */
  public static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  /** Reads a nullable BOOLEAN column. */
  public static Boolean nullableBoolean(ResultSet rs, String column) throws SQLException {
    boolean value = rs.getBoolean(column);
    return rs.wasNull() ? null : value;
  }
}
