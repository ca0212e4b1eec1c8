package org.hotline.server.store;

import java.sql.SQLException;

/** A database failure the caller cannot fix: the request fails with 500, nothing is acknowledged. */
public final class StoreException extends RuntimeException {
  public StoreException(SQLException cause) {
    super(cause.getMessage(), cause);
  }

  /** Whether the failure is a unique-key violation (SQLSTATE 23505 on both databases). */
  public boolean isUniqueViolation() {
    return getCause() instanceof SQLException e && "23505".equals(e.getSQLState());
  }
}
